import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Dialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { lockDataFolder } from './folderLock';
import type { Database } from './schema';

/** Where the hub keeps its data: a PostgreSQL server, or PGlite in a folder (or in memory). */
export type StoreLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/** PGlite's in-memory data folder: nothing is written to disk (tests). */
export const MEMORY_DATA_DIR = 'memory://';

function pgliteDialect(dataDir: string): Dialect {
  return new PGliteDialect(new PGlite(dataDir));
}

function postgresDialect(url: string): Dialect {
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) });
}

/**
 * The hub's database, typed: the same queries run on both stores. PGlite is one connection (queries wait
 * their turn) and its data folder is locked to one process (folderLock.ts); the PostgreSQL pool holds up to ten.
 * `db.destroy()` closes either.
 */
export function openDatabase(location: StoreLocation): Kysely<Database> {
  if (location.kind === 'postgres') return new Kysely<Database>({ dialect: postgresDialect(location.url) });
  if (location.dataDir.startsWith(MEMORY_DATA_DIR)) return new Kysely<Database>({ dialect: pgliteDialect(location.dataDir) });
  mkdirSync(location.dataDir, { recursive: true });
  // One process per data folder: the lock is taken before PGlite opens it and given back once it is closed.
  const release = lockDataFolder(location.dataDir);
  const db = new Kysely<Database>({ dialect: pgliteDialect(location.dataDir) });
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    try {
      await destroy();
    } finally {
      release();
    }
  };
  return db;
}
