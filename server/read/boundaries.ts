import type { Kysely } from 'kysely';
import type { BoundaryFeature } from '../../src/contract/boundaries';
import type { Database } from '../db/schema';
import { present } from './present';

/** The outlines of one level's units, by unit code, as GeoJSON features whose `code` property is the unit's code. */
export async function readBoundaries(db: Kysely<Database>, level: string): Promise<BoundaryFeature[]> {
  const rows = await db.selectFrom('boundaries').select(['unit_code', 'name', 'geometry']).where('level_id', '=', level).orderBy('unit_code').execute();
  return rows.map((row) => ({
    type: 'Feature',
    properties: { code: row.unit_code, ...present('name', row.name) },
    // Rebuilt in GeoJSON's member order: jsonb keeps an object's keys in its own order.
    geometry: { type: row.geometry.type, coordinates: row.geometry.coordinates } as BoundaryFeature['geometry'],
  }));
}
