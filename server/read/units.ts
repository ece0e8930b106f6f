import type { Kysely } from 'kysely';
import type { CrosswalkRow, Unit, UnitsResponse } from '../../src/contract/units';
import type { Database } from '../db/schema';
import { present } from './present';

/**
 * The data of GET /units?level=: the units of one level (or all) in meta.levels order, then by code, and
 * the crosswalk edges that touch them (from or to a unit in the answer), by old unit, new unit and date.
 */
export async function readUnits(db: Kysely<Database>, level: string | undefined): Promise<UnitsResponse['data']> {
  let units = db
    .selectFrom('units as u')
    .innerJoin('levels as l', 'l.id', 'u.level_id')
    .select((eb) => [
      'u.code',
      'u.name',
      'u.name_en',
      'u.level_id',
      'u.kind',
      'u.parent_code',
      eb.cast<string | null>('u.valid_from', 'text').as('valid_from'),
      eb.cast<string | null>('u.valid_to', 'text').as('valid_to'),
    ])
    .orderBy('l.position')
    .orderBy('u.code');
  if (level !== undefined) units = units.where('u.level_id', '=', level);

  let crosswalk = db
    .selectFrom('crosswalk as c')
    .select((eb) => ['c.from_code', 'c.to_code', 'c.weight', eb.cast<string>('c.effective', 'text').as('effective')])
    .orderBy('c.from_code')
    .orderBy('c.to_code')
    .orderBy('c.effective');
  if (level !== undefined) {
    const ofLevel = db.selectFrom('units').select('code').where('level_id', '=', level);
    crosswalk = crosswalk.where((eb) => eb.or([eb('c.from_code', 'in', ofLevel), eb('c.to_code', 'in', ofLevel)]));
  }

  const [unitRows, edgeRows] = [await units.execute(), await crosswalk.execute()];
  return {
    units: unitRows.map(
      (row): Unit => ({
        code: row.code,
        name: row.name,
        ...present('nameEn', row.name_en),
        level: row.level_id,
        ...present('kind', row.kind),
        parent: row.parent_code,
        validFrom: row.valid_from,
        validTo: row.valid_to,
      }),
    ),
    crosswalk: edgeRows.map((row): CrosswalkRow => ({ from: row.from_code, to: row.to_code, weight: row.weight, effective: row.effective })),
  };
}
