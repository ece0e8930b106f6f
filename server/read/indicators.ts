import type { Kysely } from 'kysely';
import type { Component, Indicator, IndicatorsResponse, MethodologyBreak } from '../../src/contract/indicators';
import type { Database } from '../db/schema';
import { present } from './present';

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

/** The data of GET /indicators: the catalogue in its order, each with its components, breaks and levels. */
export async function readIndicators(db: Kysely<Database>): Promise<IndicatorsResponse['data']> {
  const indicators = await db.selectFrom('indicators').selectAll().orderBy('position').execute();
  const components = await db.selectFrom('components').selectAll().orderBy('indicator_id').orderBy('position').execute();
  const breaks = await db.selectFrom('methodology_breaks').selectAll().orderBy('indicator_id').orderBy('period').execute();
  const levels = await db.selectFrom('indicator_levels').select(['indicator_id', 'level_id']).orderBy('indicator_id').orderBy('position').execute();
  const componentsOf = groupBy(components, (row) => row.indicator_id);
  const breaksOf = groupBy(breaks, (row) => row.indicator_id);
  const levelsOf = groupBy(levels, (row) => row.indicator_id);

  return {
    indicators: indicators.map(
      (row): Indicator => ({
        id: row.id,
        kind: row.kind,
        name: row.name,
        ...present('nameEn', row.name_en),
        shortName: row.short_name,
        ...present('shortNameEn', row.short_name_en),
        ...present('publisher', row.publisher),
        ...present('publisherEn', row.publisher_en),
        ...present('unitIndexName', row.unit_index_name),
        ...present('unitIndexNameEn', row.unit_index_name_en),
        scale: { min: row.scale_min, max: row.scale_max, unit: row.scale_unit, decimals: row.scale_decimals },
        direction: row.direction,
        cadence: row.cadence,
        components: (componentsOf.get(row.id) ?? []).map(
          (k): Component => ({
            id: k.id,
            name: k.name,
            ...present('nameEn', k.name_en),
            max: k.max,
            ...present('weight', k.weight),
            ...present('validFrom', k.valid_from),
            ...present('validTo', k.valid_to),
          }),
        ),
        breaks: (breaksOf.get(row.id) ?? []).map((b): MethodologyBreak => ({ period: b.period, note: b.note, ...present('noteEn', b.note_en) })),
        levels: (levelsOf.get(row.id) ?? []).map((l) => l.level_id),
        ...present('firstPeriod', row.first_period),
      }),
    ),
  };
}
