import type { Observation } from './types';
import { remapToNewUnits, type CrosswalkEdge } from './crosswalk';

export interface HistoryPoint {
  period: number;
  value: number;
  rank: number | null;
  rankOf: number | null;
  level: string;
  /** Carried from the unit's predecessors through the crosswalk (a year before the unit existed). */
  remapped: boolean;
}

/**
 * A unit's values year by year for one indicator: its own rows, and for years before it existed (a commune
 * before the 2025 reform) the weighted mean of its predecessors' values through the crosswalk, marked as
 * re-mapped and without a rank (ranks among the old units are not this unit's).
 */
export function unitHistory(
  unit: string,
  indicator: string,
  own: readonly Observation[],
  predecessors: readonly Observation[],
  crosswalk: readonly CrosswalkEdge[],
): HistoryPoint[] {
  const points = new Map<number, HistoryPoint>();
  for (const o of own) {
    if (o.indicator !== indicator || o.unit !== unit) continue;
    points.set(o.period, { period: o.period, value: o.value, rank: o.rank, rankOf: o.rankOf, level: o.level, remapped: false });
  }
  const byPeriod = new Map<number, Map<string, number>>();
  const levelOf = new Map<number, string>();
  for (const o of predecessors) {
    if (o.indicator !== indicator || points.has(o.period)) continue;
    const values = byPeriod.get(o.period) ?? new Map<string, number>();
    values.set(o.unit, o.value);
    byPeriod.set(o.period, values);
    levelOf.set(o.period, o.level);
  }
  const edges = crosswalk.filter((e) => e.to === unit);
  for (const [period, values] of byPeriod) {
    const remapped = remapToNewUnits(values, edges).get(unit);
    if (remapped) points.set(period, { period, value: remapped.value, rank: null, rankOf: null, level: levelOf.get(period) ?? '', remapped: true });
  }
  return [...points.values()].sort((a, b) => a.period - b.period);
}

/** Whether the field a rank is counted in changed since the previous year (another size or another level). */
export function fieldChanges(points: readonly Pick<HistoryPoint, 'rankOf' | 'level'>[]): boolean[] {
  return points.map((p, i) => {
    const prev = points[i - 1];
    return !!prev && (prev.level !== p.level || (prev.rankOf !== null && p.rankOf !== null && prev.rankOf !== p.rankOf));
  });
}

export interface ComponentStats {
  /** Component id → mean over the units that have it. */
  average: Map<string, number>;
  /** The best-ranked unit and its components. */
  best: { unit: string; components: Map<string, number> } | null;
}

/** The province average of each component over a level's units, and the best unit's components. */
export function componentStats(rows: readonly Observation[]): ComponentStats {
  const sums = new Map<string, { total: number; n: number }>();
  for (const o of rows) {
    for (const [id, v] of Object.entries(o.components)) {
      const s = sums.get(id) ?? { total: 0, n: 0 };
      s.total += v;
      s.n += 1;
      sums.set(id, s);
    }
  }
  const average = new Map([...sums].map(([id, s]) => [id, s.total / s.n]));
  const top = [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.value - a.value)[0];
  return { average, best: top ? { unit: top.unit, components: new Map(Object.entries(top.components)) } : null };
}

/** Units of a level without an outline, and outlines that name no unit of that level: listed, never dropped. */
export function mapCoverage(unitCodes: readonly string[], featureCodes: readonly string[]): { missingShapes: string[]; orphanShapes: string[] } {
  const units = new Set(unitCodes);
  const features = new Set(featureCodes);
  return {
    missingShapes: unitCodes.filter((c) => !features.has(c)).sort(),
    orphanShapes: featureCodes.filter((c) => !units.has(c)).sort(),
  };
}
