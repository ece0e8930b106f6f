import * as v from 'valibot';
import { Code, IsoDate, Text, Year, envelope } from './common';

/** An administrative level present in the data (names come from here, never from code). */
export const Level = v.object({
  id: Code,
  name: Text,
  nameEn: v.optional(Text),
  /** 0 for the province, 1 for the level below it. */
  depth: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3)),
  validFrom: v.nullable(IsoDate),
  validTo: v.nullable(IsoDate),
});
export type Level = v.InferOutput<typeof Level>;

export const Meta = v.object({
  contractVersion: v.string(),
  province: v.object({
    code: Code,
    name: Text,
    nameEn: v.optional(Text),
    region: v.optional(Text),
    regionEn: v.optional(Text),
  }),
  levels: v.array(Level),
  periods: v.object({ first: Year, last: Year }),
  timezone: v.string(),
  /** Shown next to the sample mark when `sample` is true. */
  note: v.optional(Text),
  noteEn: v.optional(Text),
});
export type Meta = v.InferOutput<typeof Meta>;

export const MetaResponse = envelope(Meta);
export type MetaResponse = v.InferOutput<typeof MetaResponse>;
