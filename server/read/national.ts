import type { Kysely } from 'kysely';
import type { NationalResponse, NationalRow } from '../../src/contract/national';
import type { Database } from '../db/schema';
import { present } from './present';

/** Filters of GET /national: undefined means all. */
export interface NationalFilter {
  indicators?: readonly string[] | undefined;
  periods?: readonly number[] | undefined;
}

/** Every province's standing per indicator (in the catalogue's order) and year, each table by rank, then province code. */
export async function readNational(db: Kysely<Database>, filter: NationalFilter): Promise<NationalResponse['data']> {
  let query = db
    .selectFrom('national_standings as n')
    .innerJoin('indicators as i', 'i.id', 'n.indicator_id')
    .selectAll('n')
    .orderBy('i.position')
    .orderBy('n.period')
    .orderBy('n.rank')
    .orderBy('n.province_code');
  if (filter.indicators !== undefined) query = query.where('n.indicator_id', 'in', [...filter.indicators]);
  if (filter.periods !== undefined) query = query.where('n.period', 'in', [...filter.periods]);
  const rows = await query.execute();
  return {
    rows: rows.map(
      (row): NationalRow => ({
        indicator: row.indicator_id,
        period: row.period,
        province: row.province_code,
        name: row.name,
        ...present('nameEn', row.name_en),
        region: row.region,
        ...present('regionEn', row.region_en),
        value: row.value,
        rank: row.rank,
        rankOf: row.rank_of,
        own: row.own,
      }),
    ),
  };
}
