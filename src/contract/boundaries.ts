import * as v from 'valibot';
import { Code, Text, envelopeEntries } from './common';

const Position = v.pipe(v.array(v.pipe(v.number(), v.finite())), v.minLength(2), v.maxLength(3));
const Ring = v.pipe(v.array(Position), v.minLength(4));

export const PolygonGeometry = v.object({
  type: v.literal('Polygon'),
  coordinates: v.array(Ring),
});
export const MultiPolygonGeometry = v.object({
  type: v.literal('MultiPolygon'),
  coordinates: v.array(v.array(Ring)),
});

/** A unit's outline. The code property's name is configurable; the reference API uses `code`. */
export const BoundaryFeature = v.object({
  type: v.literal('Feature'),
  properties: v.looseObject({ code: v.optional(Code), name: v.optional(Text) }),
  geometry: v.variant('type', [PolygonGeometry, MultiPolygonGeometry]),
});
export type BoundaryFeature = v.InferOutput<typeof BoundaryFeature>;

/** GeoJSON FeatureCollection with `asOf` and `sample` as foreign members. */
export const BoundariesResponse = v.object({
  type: v.literal('FeatureCollection'),
  ...envelopeEntries,
  features: v.array(BoundaryFeature),
});
export type BoundariesResponse = v.InferOutput<typeof BoundariesResponse>;
