/**
 * How a rank moved from one year to the next. Ranks among different fields (63 provinces before the 2025
 * reform, 34 after) are not comparable as places; only the position as a share of the field is.
 */
export type RankChange =
  | { kind: 'none' }
  | { kind: 'same' }
  | { kind: 'up' | 'down'; places: number }
  | { kind: 'different-field'; previousRank: number; previousOf: number };

export interface RankPoint {
  rank: number | null;
  rankOf: number | null;
}

export function rankChange(current: RankPoint | null | undefined, previous: RankPoint | null | undefined): RankChange {
  if (!current?.rank || !previous?.rank) return { kind: 'none' };
  if (current.rankOf !== previous.rankOf && current.rankOf !== null && previous.rankOf !== null) {
    return { kind: 'different-field', previousRank: previous.rank, previousOf: previous.rankOf };
  }
  const places = previous.rank - current.rank;
  if (places === 0) return { kind: 'same' };
  return places > 0 ? { kind: 'up', places } : { kind: 'down', places: -places };
}

/** Position as a share of the field, 0 (top) to 1 (bottom): comparable across fields of different size. */
export function rankPercentile(point: RankPoint): number | null {
  if (!point.rank || !point.rankOf) return null;
  return point.rankOf === 1 ? 0 : (point.rank - 1) / (point.rankOf - 1);
}

/** Difference of two values in the direction that is better (positive = better). */
export function valueChange(current: number, previous: number, direction: 'higher-is-better' | 'lower-is-better'): number {
  return direction === 'higher-is-better' ? current - previous : previous - current;
}
