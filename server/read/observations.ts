import type { Kysely } from 'kysely';
import type { ObservationRow, ObservationsResponse } from '../../src/contract/observations';
import type { Database } from '../db/schema';

/** Filters of GET /observations (and a unit's series): undefined means all. */
export interface ObservationFilter {
  indicators?: readonly string[] | undefined;
  periods?: readonly number[] | undefined;
  level?: string | undefined;
  units?: readonly string[] | undefined;
}

/**
 * The observations matching every filter, with their component scores, ordered as the catalogue (indicator),
 * then by year, then as meta.levels, then by unit code; components in the indicator's order. One query: each
 * observation comes as one row per component score (or one row without), grouped here.
 */
export async function readObservations(db: Kysely<Database>, filter: ObservationFilter): Promise<ObservationsResponse['data']> {
  let query = db
    .selectFrom('observations as o')
    .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
    .innerJoin('units as u', 'u.code', 'o.unit_code')
    .innerJoin('levels as l', 'l.id', 'u.level_id')
    .leftJoin('observation_components as oc', (join) =>
      join.onRef('oc.indicator_id', '=', 'o.indicator_id').onRef('oc.period', '=', 'o.period').onRef('oc.unit_code', '=', 'o.unit_code'),
    )
    .leftJoin('components as k', (join) => join.onRef('k.indicator_id', '=', 'oc.indicator_id').onRef('k.id', '=', 'oc.component_id'))
    .select(['o.indicator_id', 'o.unit_code', 'u.level_id', 'o.period', 'o.value', 'o.rank', 'o.rank_of', 'oc.component_id', 'oc.value as component_value'])
    .orderBy('i.position')
    .orderBy('o.period')
    .orderBy('l.position')
    .orderBy('o.unit_code')
    .orderBy('k.position');
  if (filter.indicators !== undefined) query = query.where('o.indicator_id', 'in', [...filter.indicators]);
  if (filter.periods !== undefined) query = query.where('o.period', 'in', [...filter.periods]);
  if (filter.level !== undefined) query = query.where('u.level_id', '=', filter.level);
  if (filter.units !== undefined) query = query.where('o.unit_code', 'in', [...filter.units]);

  const rows: ObservationRow[] = [];
  let current: ObservationRow | undefined;
  for (const row of await query.execute()) {
    if (current === undefined || current.indicator !== row.indicator_id || current.period !== row.period || current.unit !== row.unit_code) {
      current = { indicator: row.indicator_id, unit: row.unit_code, level: row.level_id, period: row.period, value: row.value };
      if (row.rank !== null) current.rank = row.rank;
      if (row.rank_of !== null) current.rankOf = row.rank_of;
      rows.push(current);
    }
    if (row.component_id !== null && row.component_value !== null) (current.components ??= {})[row.component_id] = row.component_value;
  }
  return { rows };
}
