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

/**
 * Which breaches are new since the last look: a breach is announced once and stays announced until it
 * clears; if it comes back later it is new again. Returns the breaches to announce and the set to keep.
 */
export function freshBreaches(announced: ReadonlySet<string>, current: readonly string[]): { fresh: string[]; announced: Set<string> } {
  const now = new Set(current);
  const kept = new Set([...announced].filter((key) => now.has(key)));
  const fresh = current.filter((key) => !kept.has(key));
  for (const key of fresh) kept.add(key);
  return { fresh: [...new Set(fresh)], announced: kept };
}
