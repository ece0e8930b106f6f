import * as v from 'valibot';
import { AppConfigSchema, type AppConfig } from './schema';

/** A config.json that cannot be used; `key` is the dotted path of the offending entry. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly key: string | null,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Validates a parsed config.json, naming the first key that is wrong. */
export function parseConfig(raw: unknown): AppConfig {
  const result = v.safeParse(AppConfigSchema, raw);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const key = issue ? v.getDotPath(issue) : null;
  throw new ConfigError(key ? `config.json: "${key}" ${describe(issue)}` : `config.json: ${issue?.message ?? 'is invalid'}`, key);
}

function describe(issue: v.BaseIssue<unknown> | undefined): string {
  if (issue?.kind === 'schema' && (issue.type === 'strict_object' || issue.type === 'object')) {
    if (issue.expected === 'never') return 'is not a known setting';
    if (issue.received === 'undefined') return 'is missing';
  }
  return `is wrong: ${issue?.message ?? 'invalid'}`;
}

/** Fetches and validates the runtime config; an operator edits it without a rebuild. */
export async function loadConfig(url = '/config.json'): Promise<AppConfig> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch {
    throw new ConfigError(`config.json could not be fetched from ${url}`, null);
  }
  if (!response.ok) throw new ConfigError(`config.json could not be fetched from ${url} (HTTP ${response.status})`, null);
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new ConfigError('config.json is not valid JSON', null);
  }
  return parseConfig(raw);
}
