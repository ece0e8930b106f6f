import { SERVICE_KPI_IDS } from './catalogue';
import { roundTo } from './math';

interface RatedRow {
  counts: { received: number; resolved: number; resolvedOnTime: number };
  rates: Readonly<Record<string, number | null | undefined>>;
}

/**
 * The rates of several rows taken together (the units of the province, or the days of a period): on time from the
 * summed counts; satisfaction weighted by files resolved; the others by files received. A rate with nothing to weigh
 * it by is null.
 */
export function combinedRates(rows: readonly RatedRow[]): Record<string, number | null> {
  let resolved = 0;
  let resolvedOnTime = 0;
  for (const row of rows) {
    resolved += row.counts.resolved;
    resolvedOnTime += row.counts.resolvedOnTime;
  }
  const weighted = (kpi: string, weightOf: (row: RatedRow) => number): number | null => {
    let total = 0;
    let weights = 0;
    for (const row of rows) {
      const value = row.rates[kpi];
      const w = weightOf(row);
      if (value === null || value === undefined || w <= 0) continue;
      total += value * w;
      weights += w;
    }
    return weights > 0 ? roundTo(total / weights, 1) : null;
  };
  const rates: Record<string, number | null> = {};
  for (const kpi of SERVICE_KPI_IDS) {
    if (kpi === 'on-time') rates[kpi] = resolved > 0 ? roundTo((resolvedOnTime / resolved) * 100, 1) : null;
    else if (kpi === 'satisfaction') rates[kpi] = weighted(kpi, (r) => r.counts.resolved);
    else rates[kpi] = weighted(kpi, (r) => r.counts.received);
  }
  return rates;
}
