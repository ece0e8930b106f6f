import * as v from 'valibot';
import { Code, FiniteNumber, Text, Year, envelope } from './common';

export const Component = v.object({
  id: Code,
  name: Text,
  nameEn: v.optional(Text),
  /** Most points (or the top of the sub-index scale) this component can contribute. */
  max: FiniteNumber,
  /** Share of the total, 0–1, where the method publishes one. */
  weight: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  /** First and last period the component exists in (methodologies change). */
  validFrom: v.optional(Year),
  validTo: v.optional(Year),
});
export type Component = v.InferOutput<typeof Component>;

export const MethodologyBreak = v.object({
  period: Year,
  note: Text,
  noteEn: v.optional(Text),
});
export type MethodologyBreak = v.InferOutput<typeof MethodologyBreak>;

export const Scale = v.object({
  min: FiniteNumber,
  max: FiniteNumber,
  /** How a value reads: points (0–100), percent, or a 0–1 index. */
  unit: v.picklist(['points', 'percent', 'ratio']),
  decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4)),
});
export type Scale = v.InferOutput<typeof Scale>;

export const Indicator = v.object({
  id: Code,
  /** Annual indices are published once a year; service KPIs are live one-stop-shop figures. */
  kind: v.picklist(['annual-index', 'service-kpi']),
  name: Text,
  nameEn: v.optional(Text),
  shortName: Text,
  shortNameEn: v.optional(Text),
  publisher: v.optional(Text),
  publisherEn: v.optional(Text),
  /** Name of the unit-level counterpart where it differs (DDCI for PCI, internal PAR Index). */
  unitIndexName: v.optional(Text),
  unitIndexNameEn: v.optional(Text),
  scale: Scale,
  direction: v.picklist(['higher-is-better', 'lower-is-better']),
  /** ISO 8601 duration between editions: P1Y for annual indices, PT1M for live KPIs. */
  cadence: v.pipe(v.string(), v.regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'an ISO 8601 duration')),
  components: v.array(Component),
  breaks: v.array(MethodologyBreak),
  /** Level ids this indicator is measured at. */
  levels: v.array(Code),
  firstPeriod: v.optional(Year),
});
export type Indicator = v.InferOutput<typeof Indicator>;

export const IndicatorsData = v.object({ indicators: v.array(Indicator) });
export const IndicatorsResponse = envelope(IndicatorsData);
export type IndicatorsResponse = v.InferOutput<typeof IndicatorsResponse>;
