import { sql, type Kysely, type Transaction } from 'kysely';
import type { SampleProvince } from '../../mocks/generator/types';
import type { Database } from '../db/schema';
import { rowsOfProvince, type ProvinceRows } from './rows';
import { batches } from '../db/batches';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH_ROWS = 1000;

/** Key of the advisory lock that keeps two hubs starting on one empty database from both seeding it. */
const SEED_LOCK_KEY = 766_0001;

export type SeedOutcome = 'seeded' | 'already-loaded';

/** Inserts in the order the foreign keys need: parents before children. */
async function insertAll(trx: Transaction<Database>, rows: ProvinceRows): Promise<void> {
  for (const batch of batches(rows.levels, BATCH_ROWS)) await trx.insertInto('levels').values(batch).execute();
  // A unit's parent comes before it (the province first), so it is in an earlier batch or the same statement.
  for (const batch of batches(rows.units, BATCH_ROWS)) await trx.insertInto('units').values(batch).execute();
  for (const batch of batches(rows.crosswalk, BATCH_ROWS)) await trx.insertInto('crosswalk').values(batch).execute();
  for (const batch of batches(rows.indicators, BATCH_ROWS)) await trx.insertInto('indicators').values(batch).execute();
  for (const batch of batches(rows.indicatorLevels, BATCH_ROWS)) await trx.insertInto('indicator_levels').values(batch).execute();
  for (const batch of batches(rows.components, BATCH_ROWS)) await trx.insertInto('components').values(batch).execute();
  for (const batch of batches(rows.breaks, BATCH_ROWS)) await trx.insertInto('methodology_breaks').values(batch).execute();
  for (const batch of batches(rows.observations, BATCH_ROWS)) await trx.insertInto('observations').values(batch).execute();
  for (const batch of batches(rows.observationComponents, BATCH_ROWS)) await trx.insertInto('observation_components').values(batch).execute();
  for (const batch of batches(rows.national, BATCH_ROWS)) await trx.insertInto('national_standings').values(batch).execute();
  for (const batch of batches(rows.events, BATCH_ROWS)) await trx.insertInto('events').values(batch).execute();
  // Outlines are large: a few at a time.
  for (let start = 0; start < rows.boundaries.length; start += 50) await trx.insertInto('boundaries').values(rows.boundaries.slice(start, start + 50)).execute();
  await trx.insertInto('hub_meta').values(rows.meta).execute();
}

/**
 * Loads the sample province into an empty hub, in one transaction, so a newcomer's first start opens the
 * demo. A hub that holds a dataset (its meta row exists) is left as it is: a second start, or a hub whose
 * province's own figures were imported, changes nothing. `sample` is only called when the hub is empty
 * (generating the province takes a moment).
 */
export async function seedSampleIfEmpty(db: Kysely<Database>, sample: () => SampleProvince): Promise<SeedOutcome> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
    const present = await trx.selectFrom('hub_meta').select('id').executeTakeFirst();
    if (present) return 'already-loaded';
    await insertAll(trx, rowsOfProvince(sample()));
    return 'seeded';
  });
}
