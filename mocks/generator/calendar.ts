/**
 * The sample province's working calendar: Monday to Friday, less the public holidays on which the civil service
 * is off. The holidays are the days off announced for civil servants (Labour Code 2019, art. 112, and the Ministry
 * of Home Affairs' yearly notices), including the days added to join a holiday to a weekend; where a notice was not
 * found, the days are the statutory ones and marked "(mẫu)" in `sample`. A province's own hub takes its calendar as
 * data; this list only serves the sample.
 */

import type { ServiceDay } from '../../src/contract/serviceHistory';
import { isWeekend } from '../../src/domain/calendarDays';

interface Holiday {
  /** First and last day off, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  name: string;
}

const HOLIDAYS: readonly Holiday[] = [
  { from: '2025-01-01', to: '2025-01-01', name: 'Tết Dương lịch' },
  { from: '2025-01-25', to: '2025-02-02', name: 'Tết Nguyên đán' },
  { from: '2025-04-07', to: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
  { from: '2025-04-30', to: '2025-05-04', name: 'Ngày Thống nhất và Quốc tế Lao động' },
  { from: '2025-08-30', to: '2025-09-02', name: 'Quốc khánh' },
  { from: '2026-01-01', to: '2026-01-04', name: 'Tết Dương lịch' },
  { from: '2026-02-14', to: '2026-02-22', name: 'Tết Nguyên đán' },
  { from: '2026-04-25', to: '2026-04-27', name: 'Giỗ Tổ Hùng Vương' },
  { from: '2026-04-30', to: '2026-05-03', name: 'Ngày Thống nhất và Quốc tế Lao động' },
  { from: '2026-08-29', to: '2026-09-02', name: 'Quốc khánh' },
  { from: '2027-01-01', to: '2027-01-03', name: 'Tết Dương lịch' },
  { from: '2027-02-05', to: '2027-02-11', name: 'Tết Nguyên đán' },
  { from: '2027-04-16', to: '2027-04-18', name: 'Giỗ Tổ Hùng Vương' },
  { from: '2027-04-30', to: '2027-05-02', name: 'Ngày Thống nhất và Quốc tế Lao động' },
  { from: '2027-09-02', to: '2027-09-05', name: 'Quốc khánh' },
];

/** Fixed-date holidays for years outside the list above (the lunar ones are not computed). */
const FIXED: readonly { md: string; name: string }[] = [
  { md: '01-01', name: 'Tết Dương lịch' },
  { md: '04-30', name: 'Ngày Thống nhất' },
  { md: '05-01', name: 'Quốc tế Lao động' },
  { md: '09-02', name: 'Quốc khánh' },
];

const LISTED_YEARS = new Set(HOLIDAYS.map((h) => h.from.slice(0, 4)));

/** The public holiday a day falls in, or null. */
export function holidayOf(day: string): string | null {
  if (LISTED_YEARS.has(day.slice(0, 4))) return HOLIDAYS.find((h) => h.from <= day && day <= h.to)?.name ?? null;
  return FIXED.find((h) => day.endsWith(h.md))?.name ?? null;
}

/** A day the one-stop shops are open: a weekday that is not a public holiday. */
export function isWorkingDay(day: string): boolean {
  return !isWeekend(day) && holidayOf(day) === null;
}

/** The sample's calendar day as the contract tells it. */
export function sampleCalendarDay(day: string): ServiceDay {
  return { day, working: isWorkingDay(day), holiday: holidayOf(day) };
}
