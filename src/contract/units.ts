import * as v from 'valibot';
import { Code, IsoDate, Text, envelope } from './common';

/** A province, district or commune, with the dates it existed. */
export const Unit = v.object({
  code: Code,
  name: Text,
  nameEn: v.optional(Text),
  /** Level id from meta.levels. */
  level: Code,
  /** Kind as named locally: tỉnh, huyện, thị xã, thành phố, xã, phường, đặc khu... (free text). */
  kind: v.optional(Text),
  parent: v.nullable(Code),
  validFrom: v.nullable(IsoDate),
  validTo: v.nullable(IsoDate),
});
export type Unit = v.InferOutput<typeof Unit>;

/**
 * One edge of the crosswalk across a boundary change: part of unit `from` became part of unit `to`.
 * `weight` is the share of `to` (by population) that came from `from`; the weights into one `to` sum to 1,
 * so a re-mapped value of `to` is the weighted mean of its predecessors' values.
 */
export const CrosswalkRow = v.object({
  from: Code,
  to: Code,
  weight: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1)),
  effective: IsoDate,
});
export type CrosswalkRow = v.InferOutput<typeof CrosswalkRow>;

export const UnitsData = v.object({
  units: v.array(Unit),
  crosswalk: v.array(CrosswalkRow),
});
export const UnitsResponse = envelope(UnitsData);
export type UnitsResponse = v.InferOutput<typeof UnitsResponse>;
