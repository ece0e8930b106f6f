/** The one shape every panel reads: a value of an indicator for a unit and a year. */
export interface Observation {
  indicator: string;
  unit: string;
  level: string;
  period: number;
  value: number;
  /** Competition rank among `rankOf` (national for the province, inside the province for its units). */
  rank: number | null;
  rankOf: number | null;
  components: Readonly<Record<string, number>>;
  /** True when the value was carried across a boundary change through the crosswalk. */
  remapped?: boolean;
}

/** Live one-stop-shop figures of one unit for the day so far. */
export interface ServiceSnapshot {
  unit: string;
  level: string;
  day: string;
  at: string;
  counts: { received: number; resolved: number; resolvedOnTime: number; pending: number; overdue: number };
  /** Service-KPI id → percent, null where it does not apply. */
  rates: Readonly<Record<string, number | null>>;
}

export type { Indicator, Component, Scale, Meta, Level, Unit, CrosswalkRow, NationalRow, EventRow } from '../contract';
