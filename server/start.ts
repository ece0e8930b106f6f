import type { Kysely } from 'kysely';
import type { SampleProvince } from '../mocks/generator/types';
import { migrateToLatest } from './db/migrate';
import { openDatabase, type StoreLocation } from './db/open';
import type { Database } from './db/schema';
import { createHub, type FetchHandler } from './http/hub';
import { seedSampleIfEmpty, type SeedOutcome } from './seed/sample';

export interface HubStartOptions {
  store: StoreLocation;
  /** The sample province to seed an empty database with; only called when the database is empty. */
  sample: () => SampleProvince;
  now?: () => Date;
}

export interface RunningHub {
  handler: FetchHandler;
  db: Kysely<Database>;
  /** The migrations this start applied. */
  applied: string[];
  seed: SeedOutcome;
  /** Closes the database (PGlite writes its folder; the pool's connections end). */
  close: () => Promise<void>;
}

/** Opens the store, migrates it to the latest schema, seeds an empty one with the sample, and returns the HTTP handler. */
export async function startHub(options: HubStartOptions): Promise<RunningHub> {
  const db = openDatabase(options.store);
  try {
    const { applied } = await migrateToLatest(db);
    const seed = await seedSampleIfEmpty(db, options.sample);
    return { handler: createHub({ db, now: options.now }), db, applied, seed, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
