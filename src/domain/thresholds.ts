/** A live KPI's state against its thresholds; never shown by colour alone. */
export type Band = 'ok' | 'warn' | 'alert' | 'unknown';

export interface Threshold {
  warn: number;
  alert: number;
}

/** For higher-is-better KPIs: below `alert` is a breach, below `warn` a warning. */
export function bandOf(value: number | null | undefined, threshold: Threshold | undefined): Band {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'unknown';
  if (!threshold) return 'ok';
  if (value < threshold.alert) return 'alert';
  if (value < threshold.warn) return 'warn';
  return 'ok';
}
