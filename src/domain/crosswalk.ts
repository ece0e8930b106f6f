/**
 * Carrying values across a boundary change (the 2025 reform: districts before, communes after) through
 * the crosswalk from the feed. A crosswalk weight is the share of the NEW unit that came from the OLD one;
 * the weights into one new unit sum to 1. So a new unit's re-mapped value is the weighted mean of its
 * predecessors' values, as the DTI 2024 figures of the merged provinces were the mean of their parts.
 */

/** One edge of the crosswalk: part of `from` (old) became part of `to` (new), `weight` of `to` came from `from`. */
export interface CrosswalkEdge {
  from: string;
  to: string;
  weight: number;
}

/** A value carried onto a new unit, with the share of that unit its predecessors with a value cover (0–1). */
export interface Remapped {
  value: number;
  coverage: number;
}

/**
 * Values of old units (code → value) carried onto the new units: for each new unit, the weighted mean of
 * the values of those predecessors that have one, with `coverage` the sum of their weights. Where some
 * predecessors have no value, the mean is of what exists and coverage is below 1, so a caller can mark
 * or drop a thin re-mapping. A new unit none of whose predecessors has a value (coverage 0) is absent.
 * Values that are not finite numbers count as missing.
 */
export function remapToNewUnits(values: ReadonlyMap<string, number>, crosswalk: readonly CrosswalkEdge[]): Map<string, Remapped> {
  const sums = new Map<string, { weighted: number; weights: number }>();
  for (const edge of crosswalk) {
    const value = values.get(edge.from);
    if (value === undefined || !Number.isFinite(value) || !(edge.weight > 0)) continue;
    const sum = sums.get(edge.to) ?? { weighted: 0, weights: 0 };
    sum.weighted += value * edge.weight;
    sum.weights += edge.weight;
    sums.set(edge.to, sum);
  }
  const out = new Map<string, Remapped>();
  for (const [code, { weighted, weights }] of sums) {
    // Weights that sum to 1 in the feed can add up to 0.9999999999999999 or 1.0000000000000002 here.
    out.set(code, { value: weighted / weights, coverage: Math.min(1, weights) });
  }
  return out;
}

/** A neighbour across the crosswalk and the weight of the edge to it. */
export interface CrosswalkLink {
  code: string;
  weight: number;
}

function byWeight(a: CrosswalkLink, b: CrosswalkLink): number {
  return b.weight - a.weight || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * The new units an old unit went into, largest weight first (then by code). The weight is the share of
 * each NEW unit that came from `code`, not the share of `code` that went there.
 */
export function successorsOf(code: string, crosswalk: readonly CrosswalkEdge[]): CrosswalkLink[] {
  return crosswalk.filter((edge) => edge.from === code).map((edge) => ({ code: edge.to, weight: edge.weight })).sort(byWeight);
}

/** The old units a new unit came from, largest share of it first (then by code); the weights sum to 1. */
export function predecessorsOf(code: string, crosswalk: readonly CrosswalkEdge[]): CrosswalkLink[] {
  return crosswalk.filter((edge) => edge.to === code).map((edge) => ({ code: edge.from, weight: edge.weight })).sort(byWeight);
}
