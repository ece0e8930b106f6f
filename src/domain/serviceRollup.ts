import type { ServiceDay, ServicePeriod, ServicePeriodRow } from '../contract/serviceHistory';
import type { ServiceKpiRow } from '../contract/serviceKpis';
import { addDays, daysBetween, monthEnd, monthStart } from './calendarDays';
import { roundTo } from './round';

/**
 * How the one-stop-shop figures roll up: several units into the province, a day's snapshots into its close, days
 * into a month. Pure functions, shared by the sample API (over its model) and the hub (over stored history), so
 * both answer the same figures for the same days.
 */

interface RatedRow {
  counts: { received: number; resolved: number; resolvedOnTime: number };
  rates: Readonly<Record<string, number | null | undefined>>;
}

/**
 * The rates of several rows taken together (the units of the province, or the days of a period), one per KPI of
 * `kpis` in that order: on time from the summed counts; satisfaction weighted by files resolved; the others by
 * files received. A rate with nothing to weigh it by is null.
 */
export function combinedRates(rows: readonly RatedRow[], kpis: readonly string[]): Record<string, number | null> {
  let resolved = 0;
  let resolvedOnTime = 0;
  for (const row of rows) {
    resolved += row.counts.resolved;
    resolvedOnTime += row.counts.resolvedOnTime;
  }
  const weighted = (kpi: string, weightOf: (row: RatedRow) => number): number | null => {
    let total = 0;
    let weights = 0;
    for (const row of rows) {
      const value = row.rates[kpi];
      const w = weightOf(row);
      if (value === null || value === undefined || w <= 0) continue;
      total += value * w;
      weights += w;
    }
    return weights > 0 ? roundTo(total / weights, 1) : null;
  };
  const rates: Record<string, number | null> = {};
  for (const kpi of kpis) {
    if (kpi === 'on-time') rates[kpi] = resolved > 0 ? roundTo((resolvedOnTime / resolved) * 100, 1) : null;
    else if (kpi === 'satisfaction') rates[kpi] = weighted(kpi, (r) => r.counts.resolved);
    else rates[kpi] = weighted(kpi, (r) => r.counts.received);
  }
  return rates;
}

/**
 * Sums one unit's days (oldest first) into the period's row: counts summed (pending and overdue as at the last
 * day), rates combined as `combinedRates` does. Null when there is no day.
 */
export function sumPeriod(period: ServicePeriod, days: readonly ServiceKpiRow[], kpis: readonly string[]): ServicePeriodRow | null {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return null;
  const counts = { received: 0, resolved: 0, resolvedOnTime: 0, pending: last.counts.pending, overdue: last.counts.overdue };
  for (const row of days) {
    counts.received += row.counts.received;
    counts.resolved += row.counts.resolved;
    counts.resolvedOnTime += row.counts.resolvedOnTime;
  }
  return { unit: first.unit, level: first.level, period, counts, rates: combinedRates(days, kpis) };
}

/** A day's close as a period row. */
export function dayRow(row: ServiceKpiRow): ServicePeriodRow {
  return { unit: row.unit, level: row.level, period: { kind: 'day', from: row.day, to: row.day }, counts: { ...row.counts }, rates: { ...row.rates } };
}

/**
 * The month so far: from the first of this month through yesterday; on the first of a month, the whole month
 * before (there is nothing closed yet in this one).
 */
export function monthSoFar(today: string): ServicePeriod {
  const first = monthStart(today);
  if (today === first) return { kind: 'month', from: monthStart(today, -1), to: addDays(today, -1) };
  return { kind: 'month-to-date', from: first, to: addDays(today, -1) };
}

/** The twelve whole months before `today`'s, oldest first. */
export function lastTwelveMonths(today: string): ServicePeriod[] {
  const out: ServicePeriod[] = [];
  for (let n = -12; n <= -1; n++) {
    const from = monthStart(today, n);
    out.push({ kind: 'month', from, to: monthEnd(from) });
  }
  return out;
}

/** How far back the last working day is looked for (the longest run of days off, Tết, is nine). */
export const WORKING_DAY_LOOKBACK = 40;

/** The last working day before `today`, or null when none is found in WORKING_DAY_LOOKBACK days. */
export function lastWorkingDayBefore(today: string, isWorking: (day: string) => boolean): string | null {
  for (let n = 1; n <= WORKING_DAY_LOOKBACK; n++) {
    const day = addDays(today, -n);
    if (isWorking(day)) return day;
  }
  return null;
}

/** The days a screen is told about: from the first of last month to the end of this one. */
export function calendarSpan(today: string): { from: string; to: string } {
  return { from: monthStart(today, -1), to: monthEnd(today) };
}

/** The calendar from the first of last month to the end of this one, each day as `dayOf` says. */
export function calendarAround(today: string, dayOf: (day: string) => ServiceDay): ServiceDay[] {
  const { from, to } = calendarSpan(today);
  return daysBetween(from, to).map(dayOf);
}
