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
