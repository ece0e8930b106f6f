import type { Kysely } from 'kysely';
import { ConfigError, readConfig } from '../config';
import { migrateToLatest } from '../db/migrate';
import { openDatabase } from '../db/open';
import type { Database } from '../db/schema';

/** Says why and exits 1: how the hub's commands stop on a bad environment or store. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * The hub's store as its commands open it: the same environment as the hub (DATABASE_URL, or DATA_DIR while
 * the hub is stopped: a PGlite folder is one process's), migrated to the latest schema. Exits with the reason
 * when the environment or the store is wrong.
 */
export async function openCliStore(): Promise<Kysely<Database>> {
  let store;
  try {
    store = readConfig(process.env, process.cwd()).store;
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  let db: Kysely<Database>;
  try {
    db = openDatabase(store);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    fail(`The store could not be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
  return db;
}
