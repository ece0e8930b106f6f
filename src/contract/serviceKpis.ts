import * as v from 'valibot';
import { Code, IsoDate, IsoDateTime, envelope } from './common';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Percent = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100));

/** Files received, resolved (and resolved on time), and pending (and overdue) at the end of the period. */
export const ServiceCounts = v.object({
  received: Count,
  resolved: Count,
  resolvedOnTime: Count,
  pending: Count,
  overdue: Count,
});

/** Service-KPI id from the catalogue → a percentage, or null where it does not apply (no files to measure it by). */
export const ServiceRates = v.record(Code, v.nullable(Percent));

/**
 * Live one-stop-shop figures for one unit, for the day so far (Decision 766/QĐ-TTg style).
 * `rates` maps a service-KPI id from the catalogue to a percentage, or null where it does not apply
 * (no applications yet today, say).
 */
export const ServiceKpiRow = v.object({
  unit: Code,
  level: Code,
  day: IsoDate,
  at: IsoDateTime,
  counts: ServiceCounts,
  rates: ServiceRates,
});
export type ServiceKpiRow = v.InferOutput<typeof ServiceKpiRow>;

export const ServiceKpisData = v.object({ rows: v.array(ServiceKpiRow) });
export const ServiceKpisResponse = envelope(ServiceKpisData);
export type ServiceKpisResponse = v.InferOutput<typeof ServiceKpisResponse>;
