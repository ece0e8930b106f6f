import type { ServiceDay, ServicePeriod, ServicePeriodRow } from '../../src/contract/serviceHistory';
import type { ServiceKpiRow } from '../../src/contract/serviceKpis';
import { vnDay } from '../../src/domain/time';
import { addDays, daysBetween, monthStart } from '../../src/domain/calendarDays';
import { calendarAround, dayRow, lastTwelveMonths, lastWorkingDayBefore, monthSoFar, sumPeriod } from '../../src/domain/serviceRollup';
import { isWorkingDay, sampleCalendarDay } from './calendar';
import { SERVICE_KPI_IDS } from './catalogue';
import { serviceKpisAt } from './serviceKpis';
import { memoByProvince } from './memo';
import type { SampleProvince } from './types';

/**
 * The history of the live one-stop-shop KPIs, from the same model as the live figures: a day's close is the day's
 * figures at its last minute (23:59 Vietnam time), and a longer period sums its days' closes. Pure functions of
 * (seed, unit, day): a closed day never changes, so the answers keep their bytes, and their ETag, all day.
 */

/** A day's close for every unit (province first), by unit code; closed days never change, so about two years of them are kept. */
const closesOfDay = memoByProvince(800, (province, day) => new Map(serviceKpisAt(province, new Date(`${day}T23:59:00+07:00`)).map((row) => [row.unit, row])));

/** A day's close for every unit (province first). */
export function dayClose(province: SampleProvince, day: string): ServiceKpiRow[] {
  return [...closesOfDay(province, day).values()];
}

/** One unit's closes of the days from `from` to `to` (inclusive) on which it existed (communes from the 2025 reform on). */
function closesOf(province: SampleProvince, unit: string, from: string, to: string): ServiceKpiRow[] {
  const validFrom = province.units.find((u) => u.code === unit)?.validFrom ?? from;
  const start = validFrom > from ? validFrom : from;
  const out: ServiceKpiRow[] = [];
  for (const day of daysBetween(start, to)) {
    const row = closesOfDay(province, day).get(unit);
    if (row) out.push(row);
  }
  return out;
}

/** One unit's row of a period, from the days' closes; null when the unit did not exist in it. */
function periodOf(province: SampleProvince, unit: string, period: ServicePeriod): ServicePeriodRow | null {
  return sumPeriod(period, closesOf(province, unit, period.from, period.to), SERVICE_KPI_IDS);
}

export interface ServiceCloses {
  today: string;
  lastWorkingDay: string | null;
  calendar: ServiceDay[];
  rows: ServicePeriodRow[];
}

/** Every unit's close of the last working day and its month so far, as at `at`: the same all day, so computed once a day. */
export function serviceClosesAt(province: SampleProvince, at: Date): ServiceCloses {
  return closesAsAt(province, vnDay(at));
}

const closesAsAt = memoByProvince(4, (province, today): ServiceCloses => {
  const lastWorkingDay = lastWorkingDayBefore(today, isWorkingDay);
  const period = monthSoFar(today);
  const units = province.service.map((p) => p.unit);
  const rows: ServicePeriodRow[] = [];
  const closed = lastWorkingDay ? closesOfDay(province, lastWorkingDay) : new Map<string, ServiceKpiRow>();
  for (const unit of units) {
    const close = closed.get(unit);
    if (close) rows.push(dayRow(close));
    const month = periodOf(province, unit, period);
    if (month) rows.push(month);
  }
  return { today, lastWorkingDay, calendar: calendarAround(today, sampleCalendarDay), rows };
});

export interface ServiceHistory {
  unit: string;
  today: string;
  calendar: ServiceDay[];
  days: ServicePeriodRow[];
  months: ServicePeriodRow[];
}

/** One unit's daily closes of this month and the last (through yesterday), and its last twelve whole months; null for a unit without live KPIs. */
export function serviceHistoryAt(province: SampleProvince, unit: string, at: Date): ServiceHistory | null {
  if (!province.service.some((p) => p.unit === unit)) return null;
  return historyAsAt(province, `${unit} ${vnDay(at)}`);
}

/** Keyed by "unit day": a unit's history is the same all day; a wall and a few unit pages ask for a handful of units. */
const historyAsAt = memoByProvince(256, (province, key): ServiceHistory => {
  const [unit = '', today = ''] = key.split(' ');
  const days = closesOf(province, unit, monthStart(today, -1), addDays(today, -1)).map(dayRow);
  const months = lastTwelveMonths(today).flatMap((period) => periodOf(province, unit, period) ?? []);
  return { unit, today, calendar: calendarAround(today, sampleCalendarDay), days, months };
});
