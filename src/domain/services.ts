import type { ServiceSnapshot } from './types';
import { bandOf, type Band, type Threshold } from './thresholds';

export interface Breach {
  unit: string;
  kpi: string;
  value: number;
  band: Exclude<Band, 'ok' | 'unknown'>;
  /** How far below the alert line (positive = below). */
  shortfall: number;
}

/** Every unit and KPI below its threshold, breaches first, the worst first. */
export function serviceBreaches(
  snapshots: readonly ServiceSnapshot[],
  kpis: readonly string[],
  thresholds: Readonly<Record<string, Threshold>>,
  includeWarnings = false,
): Breach[] {
  const out: Breach[] = [];
  for (const s of snapshots) {
    for (const kpi of kpis) {
      const value = s.rates[kpi];
      const threshold = thresholds[kpi];
      const band = bandOf(value, threshold);
      if (value === null || value === undefined || !threshold) continue;
      if (band === 'alert' || (includeWarnings && band === 'warn')) {
        out.push({ unit: s.unit, kpi, value, band, shortfall: threshold.alert - value });
      }
    }
  }
  return out.sort((a, b) => (a.band === b.band ? b.shortfall - a.shortfall : a.band === 'alert' ? -1 : 1));
}
