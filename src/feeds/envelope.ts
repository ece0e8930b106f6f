import * as v from 'valibot';
import { envelopeEntries } from '../contract/common';
import type { FeedId } from '../contract/routes';
import type { ApiClient } from '../api/client';
import { feedError, fromRequestError, type FeedError } from './feedError';

export interface Envelope {
  asOf: string;
  sample: boolean;
  /** Checked only to be an object; each adapter validates its own data. */
  data: Record<string, unknown>;
}

const EnvelopeSchema = v.object({ ...envelopeEntries, data: v.record(v.string(), v.unknown()) });

export type EnvelopeResult = { ok: true; envelope: Envelope } | { ok: false; error: FeedError };

/** Asks for a feed and checks the body is JSON with the envelope `{ asOf, sample, data }`. */
export async function fetchEnvelope(
  client: ApiClient,
  feed: FeedId,
  url: string,
  params: Record<string, string> | undefined,
  signal: AbortSignal | undefined,
): Promise<EnvelopeResult> {
  let body: string;
  let contentType: string;
  try {
    ({ body, contentType } = await client.get(url, { params, signal }));
  } catch (error) {
    return { ok: false, error: fromRequestError(feed, error) };
  }
  const parsed = parseJson(feed, body, contentType);
  if (!parsed.ok) return parsed;
  return checkEnvelope(feed, parsed.value, EnvelopeSchema);
}

export function parseJson(feed: FeedId, body: string, contentType: string): { ok: true; value: unknown } | { ok: false; error: FeedError } {
  const head = body.trimStart().slice(0, 1);
  if (contentType.includes('text/html') || head === '<') {
    return { ok: false, error: feedError(feed, 'not-json', 'the API answered with a web page instead of data') };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false, error: feedError(feed, 'malformed', 'the answer is not valid JSON') };
  }
}

export function checkEnvelope<S extends v.GenericSchema>(feed: FeedId, value: unknown, schema: S):
  | { ok: true; envelope: v.InferOutput<S> }
  | { ok: false; error: FeedError } {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, envelope: result.output };
  return { ok: false, error: schemaError(feed, result.issues[0]) };
}

export function schemaError(feed: FeedId, issue: v.BaseIssue<unknown> | undefined): FeedError {
  const field = issue ? (v.getDotPath(issue) ?? '(root)') : '(root)';
  return feedError(feed, 'schema', `field "${field}": ${issue?.message ?? 'invalid'}`, { field });
}
