import type { ExpressionBuilder, Kysely } from 'kysely';
import type { ObservationRow } from '../../../src/contract/observations';
import type { Database, ImportScope } from '../../db/schema';
import type { ResultValues, StoredResult } from './diff';
import { batches } from '../../db/batches';

/** Rows per INSERT: 6 columns each, well under PostgreSQL's 65,535 parameters. */
const BATCH_ROWS = 2000;

type Row = Pick<ObservationRow, 'indicator' | 'period' | 'unit'> & ResultValues;


/** Observations of the scopes' indicators and years whose unit is of the scope's level. */
function inScopes(scopes: readonly ImportScope[]) {
  return (eb: ExpressionBuilder<Database, 'observations'>) =>
    eb.or(
      scopes.map((scope) =>
        eb.and([
          eb('observations.indicator_id', '=', scope.indicator),
          eb('observations.period', '=', scope.period),
          eb('observations.unit_code', 'in', eb.selectFrom('units').select('units.code').where('units.level_id', '=', scope.level)),
        ]),
      ),
    );
}

/** The stored rows of the scopes, with their component scores. */
export async function readScopeRows(db: Kysely<Database>, scopes: readonly ImportScope[]): Promise<StoredResult[]> {
  if (scopes.length === 0) return [];
  const rows = await db
    .selectFrom('observations')
    .innerJoin('units', 'units.code', 'observations.unit_code')
    .select(['observations.indicator_id', 'observations.period', 'observations.unit_code', 'units.level_id', 'observations.value', 'observations.rank', 'observations.rank_of'])
    .where(inScopes(scopes))
    .execute();
  const components = await db
    .selectFrom('observation_components')
    .innerJoin('units', 'units.code', 'observation_components.unit_code')
    .select(['observation_components.indicator_id', 'observation_components.period', 'observation_components.unit_code', 'observation_components.component_id', 'observation_components.value'])
    .where((eb) =>
      eb.or(
        scopes.map((scope) =>
          eb.and([
            eb('observation_components.indicator_id', '=', scope.indicator),
            eb('observation_components.period', '=', scope.period),
            eb('units.level_id', '=', scope.level),
          ]),
        ),
      ),
    )
    .execute();
  const componentsOf = new Map<string, Record<string, number>>();
  for (const c of components) {
    const key = `${c.indicator_id}\u0000${c.period}\u0000${c.unit_code}`;
    const scores = componentsOf.get(key) ?? {};
    scores[c.component_id] = c.value;
    componentsOf.set(key, scores);
  }
  return rows.map((row) => ({
    indicator: row.indicator_id,
    period: row.period,
    unit: row.unit_code,
    level: row.level_id,
    value: row.value,
    rank: row.rank,
    rankOf: row.rank_of,
    components: componentsOf.get(`${row.indicator_id}\u0000${row.period}\u0000${row.unit_code}`) ?? null,
  }));
}

/** Deletes the scopes' rows (their component scores go with them). */
export async function deleteScopeRows(db: Kysely<Database>, scopes: readonly ImportScope[]): Promise<void> {
  if (scopes.length === 0) return;
  await db.deleteFrom('observations').where(inScopes(scopes)).execute();
}

/** Inserts rows and their component scores. */
export async function insertRows(db: Kysely<Database>, rows: readonly Row[]): Promise<void> {
  for (const batch of batches(rows, BATCH_ROWS)) {
    await db
      .insertInto('observations')
      .values(batch.map((row) => ({ indicator_id: row.indicator, period: row.period, unit_code: row.unit, value: row.value, rank: row.rank, rank_of: row.rankOf })))
      .execute();
  }
  const components = rows.flatMap((row) =>
    Object.entries(row.components ?? {}).map(([component, value]) => ({ indicator_id: row.indicator, period: row.period, unit_code: row.unit, component_id: component, value })),
  );
  for (const batch of batches(components, BATCH_ROWS)) await db.insertInto('observation_components').values(batch).execute();
}
