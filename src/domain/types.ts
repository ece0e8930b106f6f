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

/** One unit's one-stop-shop figures over a closed period: a day's close, the month so far, or a whole month. */
export interface ServicePeriodFigures {
  unit: string;
  level: string;
  period: { kind: 'day' | 'month-to-date' | 'month'; from: string; to: string };
  counts: ServiceSnapshot['counts'];
  rates: ServiceSnapshot['rates'];
}

/** A day of the province's calendar. */
export interface ServiceCalendarDay {
  day: string;
  working: boolean;
  /** The public holiday's name, if the day is one. */
  holiday: string | null;
}

/** Every unit's close of the last working day and its month so far. */
export interface ServiceCloses {
  today: string;
  lastWorkingDay: string | null;
  calendar: readonly ServiceCalendarDay[];
  rows: readonly ServicePeriodFigures[];
}

/** One unit's daily closes (this month and the last) and its last twelve months, oldest first. */
export interface ServiceHistory {
  unit: string;
  today: string;
  calendar: readonly ServiceCalendarDay[];
  days: readonly ServicePeriodFigures[];
  months: readonly ServicePeriodFigures[];
}
