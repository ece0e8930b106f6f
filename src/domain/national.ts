/**
 * The province among all provinces, derived from the national table of one index (every year, every province):
 * the years and their field sizes, the average, the best, the rank within the region, the position as a share
 * of the field and the change from the year before. Pure functions; the page and its panels only format them.
 *
 * Ranks among 63 provinces (up to 2024) and among 34 (from 2025) are not comparable as places; the position as
 * a share of the field (0 = top, 1 = bottom) is, so every comparison across a change of field uses it.
 */
import type { NationalRow } from '../contract';
import { rankChange, rankPercentile, valueChange } from './change';

export type Direction = 'higher-is-better' | 'lower-is-better';

/** A year with a national table and the number of provinces ranked in it. */
export interface FieldYear {
  period: number;
  size: number;
}

/** Consecutive years ranked among the same number of provinces. */
export interface FieldGroup {
  size: number;
  years: number[];
}

/** The province in one year's table. */
export interface PositionPoint {
  period: number;
  value: number;
  rank: number;
  rankOf: number;
  /** 0 (top) to 1 (bottom) of the field. */
  position: number;
}

export type StandingChange =
  | { kind: 'none' }
  | { kind: 'same' | 'up' | 'down'; previousPeriod: number; previousRank: number; previousOf: number; places: number; valueDelta: number }
  | {
      kind: 'different-field';
      previousPeriod: number;
      previousRank: number;
      previousOf: number;
      rankOf: number;
      previousPosition: number;
      position: number;
      /** Percentage points towards the top (positive) or the bottom (negative). */
      positionDelta: number;
      valueDelta: number;
    };

export interface RegionStanding {
  region: string;
  regionEn?: string | undefined;
  rank: number;
  of: number;
}

export interface Best {
  value: number;
  /** Every province sharing the top rank. */
  rows: NationalRow[];
}

export interface Standing {
  period: number;
  /** Provinces ranked that year (the published field, not only the rows that arrived). */
  fieldSize: number;
  own: NationalRow | null;
  position: number | null;
  average: number | null;
  /** Own value against the average, positive when better. */
  gapToAverage: number | null;
  best: Best | null;
  /** Own value against the best, 0 for the best, negative behind it. */
  gapToBest: number | null;
  region: RegionStanding | null;
  change: StandingChange;
}

const byRank = (a: NationalRow, b: NationalRow) => a.rank - b.rank || a.name.localeCompare(b.name, 'vi');

/** The rows of one year, best first. */
export function rowsOfYear(rows: readonly NationalRow[], period: number): NationalRow[] {
  return rows.filter((r) => r.period === period).sort(byRank);
}

/** Every year with a table, oldest first, with its field size: the published `rankOf`, or the rows if more. */
export function nationalYears(rows: readonly NationalRow[]): FieldYear[] {
  const sizes = new Map<number, { rankOf: number; count: number }>();
  for (const r of rows) {
    const s = sizes.get(r.period) ?? { rankOf: 0, count: 0 };
    sizes.set(r.period, { rankOf: Math.max(s.rankOf, r.rankOf), count: s.count + 1 });
  }
  return [...sizes.entries()].map(([period, s]) => ({ period, size: Math.max(s.rankOf, s.count) })).sort((a, b) => a.period - b.period);
}

/** Years split where the number of provinces changes (63 up to 2024, 34 from 2025). */
export function fieldGroups(years: readonly FieldYear[]): FieldGroup[] {
  const groups: FieldGroup[] = [];
  for (const y of years) {
    const last = groups[groups.length - 1];
    if (last && last.size === y.size) last.years.push(y.period);
    else groups.push({ size: y.size, years: [y.period] });
  }
  return groups;
}

/** The requested year when it has a table, the latest year otherwise. */
export function chooseYear(years: readonly FieldYear[], requested: number | null): number | null {
  if (requested !== null && years.some((y) => y.period === requested)) return requested;
  return years[years.length - 1]?.period ?? null;
}

export function nationalAverage(rows: readonly NationalRow[]): number | null {
  return rows.length ? rows.reduce((s, r) => s + r.value, 0) / rows.length : null;
}

/** The province or provinces with the top published rank. */
export function bestOf(rows: readonly NationalRow[]): Best | null {
  if (!rows.length) return null;
  const top = Math.min(...rows.map((r) => r.rank));
  const best = rows.filter((r) => r.rank === top).sort(byRank);
  return { value: best[0]!.value, rows: best };
}

/**
 * Rank within the province's region, from the published national ranks: one more than the provinces of the
 * region ranked above it, so provinces tied nationally stay tied (competition ranking, 1, 2, 2, 4).
 */
export function regionStanding(rows: readonly NationalRow[], province: string): RegionStanding | null {
  const own = rows.find((r) => r.province === province);
  if (!own) return null;
  const region = rows.filter((r) => r.region === own.region);
  return {
    region: own.region,
    regionEn: own.regionEn,
    rank: 1 + region.filter((r) => r.rank < own.rank).length,
    of: region.length,
  };
}

/** The province's own row in every year, oldest first, with its position in the field. */
export function positionSeries(rows: readonly NationalRow[]): PositionPoint[] {
  const seen = new Set<number>();
  return rows
    .filter((r) => r.own)
    .sort((a, b) => a.period - b.period)
    .filter((r) => (seen.has(r.period) ? false : (seen.add(r.period), true)))
    .map((r) => ({ period: r.period, value: r.value, rank: r.rank, rankOf: r.rankOf, position: rankPercentile(r) ?? 0 }));
}

/**
 * The change from an earlier year: in places when both years ranked the same number of provinces, otherwise
 * in percentage points of the field (positive = nearer the top), never in places.
 */
export function describeChange(current: PositionPoint | null, previous: PositionPoint | null, direction: Direction): StandingChange {
  if (!current || !previous) return { kind: 'none' };
  const valueDelta = valueChange(current.value, previous.value, direction);
  const base = { previousPeriod: previous.period, previousRank: previous.rank, previousOf: previous.rankOf, valueDelta };
  const c = rankChange(current, previous);
  switch (c.kind) {
    case 'up':
    case 'down':
      return { kind: c.kind, places: c.places, ...base };
    case 'same':
      return { kind: 'same', places: 0, ...base };
    case 'different-field':
      return {
        kind: 'different-field',
        ...base,
        rankOf: current.rankOf,
        previousPosition: previous.position,
        position: current.position,
        positionDelta: (previous.position - current.position) * 100,
      };
    default:
      return { kind: 'none' };
  }
}

/** Everything the summary shows for one year. */
export function nationalStanding(rows: readonly NationalRow[], period: number, direction: Direction): Standing {
  const year = rowsOfYear(rows, period);
  const field = nationalYears(year)[0]?.size ?? 0;
  const own = year.find((r) => r.own) ?? null;
  const average = nationalAverage(year);
  const best = bestOf(year);
  const series = positionSeries(rows);
  const current = series.find((p) => p.period === period) ?? null;
  const previous = series.filter((p) => p.period < period).pop() ?? null;
  return {
    period,
    fieldSize: field,
    own,
    position: current?.position ?? null,
    average,
    gapToAverage: own && average !== null ? valueChange(own.value, average, direction) : null,
    best,
    gapToBest: own && best ? valueChange(own.value, best.value, direction) : null,
    region: own ? regionStanding(year, own.province) : null,
    change: describeChange(current, previous, direction),
  };
}
