import type { Kysely } from 'kysely';
import { CONTRACT_VERSION } from '../../src/contract/common';
import type { Level, Meta } from '../../src/contract/meta';
import type { Database } from '../db/schema';
import { present } from './present';

/** The data of GET /meta: the province, its levels, the years the observations cover. Undefined before a dataset (with observations) is loaded. */
export async function readMeta(db: Kysely<Database>): Promise<Meta | undefined> {
  const head = await db
    .selectFrom('hub_meta as m')
    .innerJoin('units as u', 'u.code', 'm.province_code')
    .select(['u.code', 'u.name', 'u.name_en', 'm.region', 'm.region_en', 'm.timezone', 'm.note', 'm.note_en'])
    .executeTakeFirst();
  if (!head) return undefined;
  const levels = await db
    .selectFrom('levels')
    .select((eb) => ['id', 'name', 'name_en', 'depth', eb.cast<string | null>('valid_from', 'text').as('valid_from'), eb.cast<string | null>('valid_to', 'text').as('valid_to')])
    .orderBy('position')
    .execute();
  const years = await db
    .selectFrom('observations')
    .select((eb) => [eb.fn.min<number | null>('period').as('first'), eb.fn.max<number | null>('period').as('last')])
    .executeTakeFirstOrThrow();
  // Without an observation there are no years to cover: the hub has no data to show yet.
  if (years.first === null || years.last === null) return undefined;
  return {
    contractVersion: CONTRACT_VERSION,
    province: { code: head.code, name: head.name, ...present('nameEn', head.name_en), ...present('region', head.region), ...present('regionEn', head.region_en) },
    levels: levels.map(
      (level): Level => ({ id: level.id, name: level.name, ...present('nameEn', level.name_en), depth: level.depth, validFrom: level.valid_from, validTo: level.valid_to }),
    ),
    periods: { first: years.first, last: years.last },
    timezone: head.timezone,
    ...present('note', head.note),
    ...present('noteEn', head.note_en),
  };
}
