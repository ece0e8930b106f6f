/**
 * Competition ranking ("1224"): equal values share a rank and the ranks after a tie are skipped,
 * as the national indices are published (two provinces 15th, the next one 17th).
 * Values are compared after rounding to `decimals`, the precision the index is published at.
 */
export function rankWithTies(
  values: readonly number[],
  direction: 'higher-is-better' | 'lower-is-better' = 'higher-is-better',
  decimals = 2,
): number[] {
  const factor = 10 ** decimals;
  const keyed = values.map((value, index) => ({ key: Math.round(value * factor), index }));
  keyed.sort((a, b) => (direction === 'higher-is-better' ? b.key - a.key : a.key - b.key));
  const ranks = new Array<number>(values.length);
  keyed.forEach((item, position) => {
    const previous = keyed[position - 1];
    ranks[item.index] = previous && previous.key === item.key ? (ranks[previous.index] as number) : position + 1;
  });
  return ranks;
}

export interface RankedUnit {
  code: string;
  name: string;
  value: number | null;
  /** Competition rank among the units with a value; null without one. */
  rank: number | null;
}

/**
 * Units ranked by the value shown for them (the index or one of its components): by rank, then by name (Vietnamese
 * collation), the units without a value last, by name. Values are compared at `decimals` places.
 */
export function rankByValue(
  units: readonly { code: string; name: string; value: number | null | undefined }[],
  direction: 'higher-is-better' | 'lower-is-better' = 'higher-is-better',
  decimals = 6,
): RankedUnit[] {
  const valued = units.filter((u): u is typeof u & { value: number } => typeof u.value === 'number' && Number.isFinite(u.value));
  const ranks = rankWithTies(valued.map((u) => u.value), direction, decimals);
  const byName = (a: RankedUnit, b: RankedUnit) => a.name.localeCompare(b.name, 'vi');
  const ranked: RankedUnit[] = valued.map((u, i) => ({ code: u.code, name: u.name, value: u.value, rank: ranks[i] ?? null }));
  ranked.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || byName(a, b));
  const without = units
    .filter((u) => !(typeof u.value === 'number' && Number.isFinite(u.value)))
    .map((u) => ({ code: u.code, name: u.name, value: null, rank: null }))
    .sort(byName);
  return [...ranked, ...without];
}
