import type { Kysely } from 'kysely';
import type { SampleProvince } from '../mocks/generator/types';
import type { EditingConfig } from './auth/config';
import { createEditorCheck } from './auth/editorCheck';
import { migrateToLatest } from './db/migrate';
import { openDatabase, type StoreLocation } from './db/open';
import type { Database } from './db/schema';
import { createHub, type FetchHandler } from './http/hub';
import { readDataset } from './read/dataset';
import { seedSampleIfEmpty, type SeedOutcome } from './seed/sample';
import { startSampleFeeder } from './seed/sampleFeeder';
import { feedSample, type FeedReport } from './seed/sampleService';

export interface HubStartOptions {
  store: StoreLocation;
  /** The sample province to seed an empty database with; only called when the database is empty. */
  sample: () => SampleProvince;
  now?: () => Date;
  /**
   * Keep feeding the sample's one-stop-shop figures at this interval (main.ts: every minute); by default the
   * sample is fed once, at start (tests, whose clock stands still).
   */
  feedSampleEveryMs?: number;
  /** Who may write through HTTP: the identity provider whose editors' tokens the hub accepts. */
  editing?: EditingConfig | null;
}

export interface RunningHub {
  handler: FetchHandler;
  db: Kysely<Database>;
  /** The migrations this start applied. */
  applied: string[];
  seed: SeedOutcome;
  /** What the start fed of the sample's one-stop-shop history; undefined when the hub holds a province's own data. */
  fed?: FeedReport;
  /** Closes the database (PGlite writes its folder; the pool's connections end). */
  close: () => Promise<void>;
}

/** Opens the store, migrates it to the latest schema, seeds an empty one with the sample, and returns the HTTP handler. */
export async function startHub(options: HubStartOptions): Promise<RunningHub> {
  const db = openDatabase(options.store);
  try {
    const { applied } = await migrateToLatest(db);
    let generated: SampleProvince | undefined;
    const sample = (): SampleProvince => (generated ??= options.sample());
    const seed = await seedSampleIfEmpty(db, sample);
    const now = options.now ?? (() => new Date());
    let stopFeeding = (): void => undefined;
    let fed: FeedReport | undefined;
    if ((await readDataset(db))?.sample) {
      // The sample's history and today's figures, as its one-stop-shop system would have sent them.
      const province = sample();
      fed = await feedSample(db, province, now(), { backfill: true });
      if (options.feedSampleEveryMs !== undefined) stopFeeding = startSampleFeeder(db, province, { now, everyMs: options.feedSampleEveryMs }).stop;
    }
    const close = async (): Promise<void> => {
      stopFeeding();
      await db.destroy();
    };
    const editing = options.editing ? { config: options.editing, check: createEditorCheck(options.editing) } : undefined;
    return { handler: createHub({ db, now, editing }), db, applied, seed, fed, close };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
