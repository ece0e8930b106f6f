import type { BoundaryFeature } from '../../src/contract';
import { LEVEL_COMMUNE, LEVEL_DISTRICT, LEVEL_PROVINCE } from './constants';
import { toGeoJsonRing, type Ring } from './geometry';
import type { Layout } from './layout';
import type { UnitsBuild } from './units';

/**
 * GeoJSON outlines per level, with properties { code, name }. Polygons with islands become
 * MultiPolygons (the province, the district that owned the islands, each special zone); the host of the
 * enclosed ward is a Polygon with a hole. Exterior rings run counter-clockwise, holes clockwise (RFC 7946).
 */
export function buildBoundaries(layout: Layout, units: UnitsBuild): Record<string, BoundaryFeature[]> {
  const allIslands = units.districts.flatMap((d) => d.shape.islands);
  return {
    [LEVEL_PROVINCE]: [feature(units.province.code, units.province.name, [[layout.outline], ...allIslands.map((r) => [r])])],
    [LEVEL_DISTRICT]: units.districts.map((d) =>
      feature(d.unit.code, d.unit.name, [[d.shape.cell], ...d.shape.islands.map((r) => [r])]),
    ),
    [LEVEL_COMMUNE]: units.communes.map((c) => {
      const polygons: Ring[][] =
        c.shape.role === 'special' ? c.shape.islands.map((r) => [r]) : [c.shape.hole ? [c.shape.outer, c.shape.hole] : [c.shape.outer]];
      return feature(c.unit.code, c.unit.name, polygons);
    }),
  };
}

/** One feature from polygons given as [exterior, ...holes]; a single polygon stays a Polygon. */
function feature(code: string, name: string, polygons: Ring[][]): BoundaryFeature {
  const coordinates = polygons.map((rings) => rings.map((ring, k) => toGeoJsonRing(ring, k === 0 ? 'ccw' : 'cw')));
  const properties = { code, name };
  const only = coordinates[0];
  if (coordinates.length === 1 && only) {
    return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: only } };
  }
  return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates } };
}
