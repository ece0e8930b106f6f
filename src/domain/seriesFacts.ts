/** A value in one year. */
export interface YearValue {
  period: number;
  value: number;
}

export interface SeriesFacts {
  first: YearValue;
  last: YearValue;
  highest: YearValue;
  lowest: YearValue;
}

/**
 * What a trend says in words: its first and last year, its highest and lowest value (the earlier year on a tie).
 * Points without a finite value are left out; null when none is left.
 */
export function seriesFacts(points: readonly YearValue[]): SeriesFacts | null {
  const sorted = points.filter((p) => Number.isFinite(p.value)).sort((a, b) => a.period - b.period);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return null;
  let highest = first;
  let lowest = first;
  for (const p of sorted) {
    if (p.value > highest.value) highest = p;
    if (p.value < lowest.value) lowest = p;
  }
  return { first, last, highest, lowest };
}
