/**
 * Arithmetic on calendar days written as ISO dates (YYYY-MM-DD), free of any time zone: a day is a name, not an
 * instant. Shared by the sample API, the hub and the screens.
 */

/** The day `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** The first day of the month `n` months after `day`'s (n may be negative). */
export function monthStart(day: string, n = 0): string {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + n);
  return date.toISOString().slice(0, 10);
}

/** The last day of `day`'s month. */
export function monthEnd(day: string): string {
  return addDays(monthStart(day, 1), -1);
}

/** Saturday or Sunday. */
export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}
