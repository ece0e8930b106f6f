import type { Level, Unit } from '../contract';
import { subLevelForPeriod, validOn } from './levels';

/** At most this many units side by side: more would not read on one chart. */
export const MAX_COMPARED = 6;

export type Direction = 'higher-is-better' | 'lower-is-better';

/** Differences are rounded a little past the feed's precision, so 93.73 − 90 reads 3.73, not 3.7300000000000004. */
function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

const better = (direction: Direction) => (a: number, b: number) => (direction === 'higher-is-better' ? a > b : a < b);

/** The best value and the mean of a level's values for one index and year (null when there are none). */
export function levelStats(values: readonly number[], direction: Direction): { best: number | null; average: number | null } {
  const finite = values.filter((v) => Number.isFinite(v));
  if (!finite.length) return { best: null, average: null };
  const isBetter = better(direction);
  const best = finite.reduce((b, v) => (isBetter(v, b) ? v : b));
  return { best, average: finite.reduce((s, v) => s + v, 0) / finite.length };
}

/**
 * Points a unit needs to climb one rank: the distance to the closest value strictly better than its own (the
 * unit ranked just above it; tied units share a rank, so a tie is not a rank to climb). 0 for the best.
 */
export function pointsToNextRank(value: number, values: readonly number[], direction: Direction): number {
  const isBetter = better(direction);
  let next: number | null = null;
  for (const v of values) {
    if (!Number.isFinite(v) || !isBetter(v, value)) continue;
    if (next === null || isBetter(next, v)) next = v;
  }
  return next === null ? 0 : Math.abs(next - value);
}

export interface UnitGaps {
  /** The unit's own value − the best unit's value (≤ 0 when higher is better). */
  toBest: number | null;
  /** The unit's own value − the mean of the level's units. */
  toAverage: number | null;
  /** The unit's own value − the province's target for the index (the province's target, not the unit's). */
  toTarget: number | null;
  /** Points to the unit ranked just above it; 0 for the best. */
  toNextRank: number | null;
}

export interface GapInput {
  /** The unit's own value, null when it has none for the year. */
  value: number | null;
  /** Every value of the level for the index and year, the unit's own included. */
  values: readonly number[];
  target: number | null;
  direction: Direction;
  /** The index's published decimals: gaps are rounded to two more. */
  decimals: number;
}

/** A unit's distance to the best unit, to the province average, to the province target, and to the next rank. */
export function unitGaps(input: GapInput): UnitGaps {
  const { value, values, target, direction } = input;
  if (value === null || !Number.isFinite(value)) return { toBest: null, toAverage: null, toTarget: null, toNextRank: null };
  const d = input.decimals + 2;
  const { best, average } = levelStats(values, direction);
  return {
    toBest: best === null ? null : round(value - best, d),
    toAverage: average === null ? null : round(value - average, d),
    toTarget: target === null || !Number.isFinite(target) ? null : round(value - target, d),
    toNextRank: round(pointsToNextRank(value, values, direction), d),
  };
}

/** Why a code in the URL is not compared: not in the unit table, or of a level not in force that year. */
export interface SetAside {
  code: string;
  unit: Unit | null;
  /** The last year whose sub-province level is this unit's level and in which the unit existed. */
  year: number | null;
}

export interface Selection {
  /** Units of the level in force, in the URL's order, at most MAX_COMPARED. */
  compared: string[];
  /** Units of the right level past the maximum. */
  extra: string[];
  /** Codes that are not units of the level in force that year. */
  setAside: SetAside[];
}

/**
 * Sorts the URL's codes: units of the level in force (the first six compared, the rest over the limit) and the
 * others, each with the last year its level was in force, so the page can say so and link there.
 */
export function classifySelection(
  codes: readonly string[],
  opts: { inForce: ReadonlySet<string>; byCode: ReadonlyMap<string, Unit>; levels: readonly Level[]; first: number; last: number },
): Selection {
  const unique = [...new Set(codes)];
  const valid = unique.filter((c) => opts.inForce.has(c));
  const setAside = unique
    .filter((c) => !opts.inForce.has(c))
    .map((code) => {
      const unit = opts.byCode.get(code) ?? null;
      return { code, unit, year: unit ? yearOfUnit(unit, opts.levels, opts.first, opts.last) : null };
    });
  return { compared: valid.slice(0, MAX_COMPARED), extra: valid.slice(MAX_COMPARED), setAside };
}

/** The last year in first…last whose level below the province is `unit`'s level and in which the unit existed. */
export function yearOfUnit(unit: Unit, levels: readonly Level[], first: number, last: number): number | null {
  for (let year = last; year >= first; year--) {
    if (subLevelForPeriod(levels, year)?.id === unit.level && validOn(unit, `${year}-12-31`)) return year;
  }
  return null;
}
