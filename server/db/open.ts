import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Dialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema';

/** Where the hub keeps its data: a PostgreSQL server, or PGlite in a folder (or in memory). */
export type StoreLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/** PGlite's in-memory data folder: nothing is written to disk (tests). */
export const MEMORY_DATA_DIR = 'memory://';

function pgliteDialect(dataDir: string): Dialect {
  if (!dataDir.startsWith(MEMORY_DATA_DIR)) mkdirSync(dataDir, { recursive: true });
  return new PGliteDialect(new PGlite(dataDir));
}

function postgresDialect(url: string): Dialect {
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) });
}

/**
 * The hub's database, typed: the same queries run on both stores. PGlite is one connection (queries wait
 * their turn); the PostgreSQL pool holds up to ten. `db.destroy()` closes either.
 */
export function openDatabase(location: StoreLocation): Kysely<Database> {
  const dialect = location.kind === 'postgres' ? postgresDialect(location.url) : pgliteDialect(location.dataDir);
  return new Kysely<Database>({ dialect });
}
