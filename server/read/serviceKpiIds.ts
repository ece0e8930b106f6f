import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** The service KPIs' ids in catalogue order: the order every answer's `rates` keys follow. */
export async function readServiceKpiIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('indicators').select('id').where('kind', '=', 'service-kpi').orderBy('position').execute();
  return rows.map((row) => row.id);
}
