import { resolve } from 'node:path';
import { MAX_COMMUNES, MIN_COMMUNES } from '../mocks/generator/constants';
import { DEFAULT_SEED } from '../mocks/handlers/defaults';
import { parseInstant, SAMPLE_NOW_FORM } from '../mocks/server/clock';
import { EditingConfigError, readEditingConfig, type EditingConfig } from './auth/config';
import type { StoreLocation } from './db/open';

/** The hub's settings, from the environment. */
export interface HubConfig {
  port: number;
  host: string;
  store: StoreLocation;
  /** The sample province an empty database is seeded with. */
  seed: number;
  communes: number | undefined;
  /** Where the sample's clock starts (SAMPLE_NOW); undefined: the real clock. */
  sampleNow: Date | undefined;
  /** Who may write through HTTP (OIDC_*, server/auth/config.ts); null: nobody. */
  editing: EditingConfig | null;
}

/** The hub's own port by default, next to `npm start`'s 4173, so both can run side by side. */
export const DEFAULT_HUB_PORT = 4174;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function readInteger(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; got "${raw}".`);
  return value;
}

function readStore(env: NodeJS.ProcessEnv, cwd: string): StoreLocation {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('DATABASE_URL must be a PostgreSQL URL, postgres://user:password@host:5432/database.');
    return { kind: 'postgres', url };
  }
  const dataDir = env.DATA_DIR?.trim() || './data';
  return { kind: 'pglite', dataDir: dataDir.includes('://') ? dataDir : resolve(cwd, dataDir) };
}

/**
 * Environment: PORT (default 4174, 0 = any free port), HOST (default 127.0.0.1), DATABASE_URL (a PostgreSQL
 * server; unset: PGlite in DATA_DIR, default ./data, `memory://` to keep nothing), SEED and COMMUNES (the
 * sample province an empty database gets, as for `npm start`), SAMPLE_NOW (an instant with its offset where
 * the sample's clock starts, as for `npm start`). Throws ConfigError naming the bad variable.
 */
export function readConfig(env: NodeJS.ProcessEnv, cwd: string): HubConfig {
  const rawNow = env.SAMPLE_NOW?.trim();
  const sampleNow = rawNow ? parseInstant(rawNow) : undefined;
  if (sampleNow === null) throw new ConfigError(`SAMPLE_NOW must be ${SAMPLE_NOW_FORM}; got "${rawNow ?? ''}".`);
  return {
    port: readInteger(env, 'PORT', 0, 65535) ?? DEFAULT_HUB_PORT,
    host: env.HOST?.trim() || '127.0.0.1',
    store: readStore(env, cwd),
    seed: readInteger(env, 'SEED', 0, 0xffff_ffff) ?? DEFAULT_SEED,
    communes: readInteger(env, 'COMMUNES', MIN_COMMUNES, MAX_COMMUNES),
    sampleNow,
    editing: readEditing(env),
  };
}

function readEditing(env: NodeJS.ProcessEnv): EditingConfig | null {
  try {
    return readEditingConfig(env);
  } catch (error) {
    throw error instanceof EditingConfigError ? new ConfigError(error.message) : error;
  }
}
