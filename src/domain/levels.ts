import type { Level, Unit } from '../contract';

/** The last day of a year, when an annual index's level is judged. */
const yearEnd = (period: number) => `${period}-12-31`;

export function validOn(item: { validFrom: string | null; validTo: string | null }, day: string): boolean {
  return (item.validFrom === null || item.validFrom <= day) && (item.validTo === null || item.validTo >= day);
}

/**
 * The level below the province in force for a year: districts up to 2024, communes from 2025 (the reform of
 * 1 July 2025), read from the levels' validity dates, never from code.
 */
export function subLevelForPeriod(levels: readonly Level[], period: number): Level | null {
  const day = yearEnd(period);
  return levels.filter((l) => l.depth === 1 && validOn(l, day)).sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''))[0] ?? null;
}

export function provinceLevel(levels: readonly Level[]): Level | null {
  return levels.find((l) => l.depth === 0) ?? null;
}

/** Units of a level that existed at the end of the year. */
export function unitsOfLevel(units: readonly Unit[], level: string, period: number): Unit[] {
  const day = yearEnd(period);
  return units.filter((u) => u.level === level && validOn(u, day));
}
