import type { Kysely } from 'kysely';
import type { ResultsContext } from '../import';
import type { Database } from '../db/schema';
import { readIndicators } from './indicators';

/** What a results file is checked against: the hub's catalogue, its units with their levels, and the top level. */
export async function readResultsContext(db: Kysely<Database>): Promise<ResultsContext> {
  const { indicators } = await readIndicators(db);
  const units = await db.selectFrom('units').select(['code', 'level_id']).orderBy('code').execute();
  const top = await db.selectFrom('levels').select('id').where('depth', '=', 0).orderBy('position').executeTakeFirst();
  return {
    indicators,
    units: units.map((unit) => ({ code: unit.code, level: unit.level_id })),
    ...(top ? { nationalLevel: top.id } : {}),
  };
}
