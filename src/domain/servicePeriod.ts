import type { ServiceCalendarDay, ServiceCloses, ServicePeriodFigures, ServiceSnapshot } from './types';

/**
 * Which one-stop-shop figures a live screen shows. Today's so far, once today has something to show: a working
 * day on which the province has resolved at least a tenth of what it resolved on its last working day (before
 * that, at night, early in the morning, on a weekend or a holiday, a rate of a handful of files says nothing).
 * Otherwise the last working day's close. Without closes (an API that does not serve them), today's, as ever.
 */
export type ServiceShown =
  | { kind: 'today'; day: string; at: string }
  | { kind: 'close'; day: string; today: string; why: 'day-off' | 'holiday' | 'early' | 'unavailable'; holiday: string | null };

/** Where today's live figures are: not asked or answered yet, failed with nothing to show, or there. */
export type LiveState = 'pending' | 'failed' | 'ready';

/** The share of the last working day's resolved files that today must reach before its rates are shown. */
export const TODAY_MIN_SHARE = 0.1;

export function chooseServiceShown(
  todayProvince: ServiceSnapshot | null,
  closes: ServiceCloses | null,
  provinceLevel: string | null,
  live: LiveState = 'ready',
  closesState: LiveState = 'ready',
): ServiceShown | null {
  // Until today's figures and the closes have both answered (or failed), nothing is chosen: a screen does not
  // flash yesterday's close before today's figures, nor today's handful of Sunday files before the close.
  if (live === 'pending' || closesState === 'pending') return null;
  const lastDay = closes?.lastWorkingDay ?? null;
  const lastClose =
    closes && lastDay ? (closes.rows.find((r) => r.level === provinceLevel && r.period.kind === 'day' && r.period.from === lastDay) ?? null) : null;
  if (!closes || !lastDay || !lastClose) return todayProvince ? { kind: 'today', day: todayProvince.day, at: todayProvince.at } : null;
  const calendarDay: ServiceCalendarDay | undefined = closes.calendar.find((d) => d.day === closes.today);
  const working = calendarDay?.working ?? true;
  const enough = Math.max(1, Math.ceil(lastClose.counts.resolved * TODAY_MIN_SHARE));
  if (todayProvince && working && todayProvince.day === closes.today && todayProvince.counts.resolved >= enough) {
    return { kind: 'today', day: todayProvince.day, at: todayProvince.at };
  }
  const holiday = calendarDay?.holiday ?? null;
  const why = !working ? (holiday ? 'holiday' : 'day-off') : live === 'failed' && !todayProvince ? 'unavailable' : 'early';
  return { kind: 'close', day: lastDay, today: closes.today, why, holiday };
}

/** The figures of one unit in the shown period, in the live snapshot's shape (so panels read one shape). */
export function figuresShown(shown: ServiceShown | null, today: readonly ServiceSnapshot[], closes: ServiceCloses | null): ServiceSnapshot[] {
  if (!shown) return [];
  if (shown.kind === 'today') return today.filter((s) => s.day === shown.day);
  return (closes?.rows ?? [])
    .filter((r) => r.period.kind === 'day' && r.period.from === shown.day)
    .map((r) => ({ unit: r.unit, level: r.level, day: r.period.from, at: `${r.period.from}T23:59:00+07:00`, counts: r.counts, rates: r.rates }));
}

/** Every unit's month so far (or, on the first of a month, the month before). */
export function monthRows(closes: ServiceCloses | null): ServicePeriodFigures[] {
  return (closes?.rows ?? []).filter((r) => r.period.kind !== 'day');
}

/** Whether a period had any file to measure a rate by: a unit without files is said to have none, and is not ranked. */
export function hasFiles(counts: { received: number; resolved: number }): boolean {
  return counts.received > 0 || counts.resolved > 0;
}

/**
 * The daily closes a month's trend is drawn from: the working days of this month through yesterday, or, early in a
 * month (fewer than two of them), the working days of the month before. Days off are left out: a Sunday's
 * handful of files would read as a collapse.
 */
export function monthTrendDays(history: { today: string; calendar: readonly ServiceCalendarDay[]; days: readonly ServicePeriodFigures[] }): ServicePeriodFigures[] {
  const working = new Set(history.calendar.filter((d) => d.working).map((d) => d.day));
  const inMonth = (month: string) => history.days.filter((d) => d.period.from.startsWith(month) && working.has(d.period.from));
  const month = history.today.slice(0, 7);
  const current = inMonth(month);
  if (current.length >= 2) return current;
  const before = new Date(`${month}-01T00:00:00Z`);
  before.setUTCMonth(before.getUTCMonth() - 1);
  return inMonth(before.toISOString().slice(0, 7));
}
