import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** What every answer's envelope needs to know about the dataset. */
export interface Dataset {
  sample: boolean;
  /** When the data last changed; null for the seeded sample (see HubMetaTable.data_changed_at). */
  changedAt: Date | null;
}

/** The dataset the hub holds, or undefined before any was loaded. */
export async function readDataset(db: Kysely<Database>): Promise<Dataset | undefined> {
  const row = await db.selectFrom('hub_meta').select(['sample', 'data_changed_at']).executeTakeFirst();
  return row && { sample: row.sample, changedAt: row.data_changed_at };
}

/** The level ids in meta.levels order: what `level=` may name. */
export async function readLevelIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('levels').select('id').orderBy('position').execute();
  return rows.map((row) => row.id);
}

/** Whether a unit with this code exists (at any time). */
export async function unitExists(db: Kysely<Database>, code: string): Promise<boolean> {
  return (await db.selectFrom('units').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}
