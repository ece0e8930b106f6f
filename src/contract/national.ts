import * as v from 'valibot';
import { Code, FiniteNumber, Text, Year, envelope } from './common';

/** One province's standing in one national ranking (63 provinces up to 2024, 34 from 2025). */
export const NationalRow = v.object({
  indicator: Code,
  period: Year,
  province: Code,
  name: Text,
  nameEn: v.optional(Text),
  region: Text,
  regionEn: v.optional(Text),
  value: FiniteNumber,
  rank: v.pipe(v.number(), v.integer(), v.minValue(1)),
  rankOf: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** True for the province this dashboard belongs to. */
  own: v.boolean(),
});
export type NationalRow = v.InferOutput<typeof NationalRow>;

export const NationalData = v.object({ rows: v.array(NationalRow) });
export const NationalResponse = envelope(NationalData);
export type NationalResponse = v.InferOutput<typeof NationalResponse>;
