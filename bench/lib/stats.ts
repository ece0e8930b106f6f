/** Summaries of repeated measurements: the median, the 95th percentile and the spread. */

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  /** Interquartile range (p75 − p25): the spread that one outlier does not move. */
  iqr: number;
  /** Every sample, in the order measured. */
  samples: number[];
}

/** The q-quantile (0–1) of sorted values, interpolated between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (at - lo);
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    n: samples.length,
    median: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
    iqr: round(quantile(sorted, 0.75) - quantile(sorted, 0.25)),
    samples: samples.map(round),
  };
}
