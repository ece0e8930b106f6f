import * as v from 'valibot';
import { Code, IsoDate, Text, envelope } from './common';
import { ServiceCounts, ServiceRates } from './serviceKpis';

/**
 * The history of the one-stop-shop KPIs: closed periods, which never change once closed (Decision 766 scores
 * months and quarters; leaders ask "how did we do yesterday, this month?").
 *
 * - `day`: one calendar day's close.
 * - `month-to-date`: the current month from its first day through its last closed day (yesterday).
 * - `month`: a whole calendar month.
 *
 * Counts of a period are sums over its days (received, resolved, resolvedOnTime) and the state at its end
 * (pending, overdue). Rates are the period's own: on time = resolvedOnTime / resolved; the others weighted by
 * the days' files (received, or resolved for satisfaction). A rate is null where the period had no files to
 * measure it by: such a unit is not ranked.
 */
export const ServicePeriodKind = v.picklist(['day', 'month-to-date', 'month']);
export type ServicePeriodKind = v.InferOutput<typeof ServicePeriodKind>;

export const ServicePeriod = v.object({ kind: ServicePeriodKind, from: IsoDate, to: IsoDate });
export type ServicePeriod = v.InferOutput<typeof ServicePeriod>;

export const ServicePeriodRow = v.object({
  unit: Code,
  level: Code,
  period: ServicePeriod,
  counts: ServiceCounts,
  rates: ServiceRates,
});
export type ServicePeriodRow = v.InferOutput<typeof ServicePeriodRow>;

/** A day of the province's calendar: a working day, or a day off (a weekend, or a public holiday named in `holiday`). */
export const ServiceDay = v.object({
  day: IsoDate,
  working: v.boolean(),
  holiday: v.nullable(Text),
});
export type ServiceDay = v.InferOutput<typeof ServiceDay>;

/**
 * GET /service-kpis/closes?level=&unit=: for every unit, the close of the last working day before today and
 * the month so far. `today` is the day the API is in (Vietnam time); `calendar` covers this month and the last,
 * so a screen can say why a day had no files.
 */
export const ServiceClosesData = v.object({
  today: IsoDate,
  lastWorkingDay: v.nullable(IsoDate),
  calendar: v.array(ServiceDay),
  rows: v.array(ServicePeriodRow),
});
export const ServiceClosesResponse = envelope(ServiceClosesData);
export type ServiceClosesResponse = v.InferOutput<typeof ServiceClosesResponse>;

/**
 * GET /units/{code}/service-history: one unit's (or the province's) daily closes of this month and the last,
 * oldest first, and its last twelve whole months, oldest first.
 */
export const ServiceHistoryData = v.object({
  unit: Code,
  today: IsoDate,
  calendar: v.array(ServiceDay),
  days: v.array(ServicePeriodRow),
  months: v.array(ServicePeriodRow),
});
export const ServiceHistoryResponse = envelope(ServiceHistoryData);
export type ServiceHistoryResponse = v.InferOutput<typeof ServiceHistoryResponse>;
