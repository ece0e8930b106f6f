import type {
  BoundaryFeature,
  CrosswalkRow,
  EventRow,
  Indicator,
  Meta,
  NationalRow,
  ObservationRow,
  ServiceKpiRow,
  Unit,
} from '../../src/contract';

export interface GenerateOptions {
  /** Same seed → byte-identical JSON. */
  seed: number;
  /** Communes and wards after the reform (default about 80; the large-province bench uses 168). */
  communes?: number;
  /** Districts before the reform (default 9). */
  districts?: number;
  /**
   * Whether live KPIs dip below their thresholds now and then through the working day (default true).
   * Tests that force a breach themselves turn the natural ones off, so that none starts mid-test.
   */
  dips?: boolean;
}

/** Everything the sample API serves, generated once per seed. Live KPIs are derived from it per instant. */
export interface SampleProvince {
  seed: number;
  meta: Meta;
  units: Unit[];
  crosswalk: CrosswalkRow[];
  indicators: Indicator[];
  /** All levels, all years, all annual indices. */
  observations: ObservationRow[];
  national: NationalRow[];
  events: EventRow[];
  /** Level id → outlines of that level's units (province included). */
  boundaries: Record<string, BoundaryFeature[]>;
  /** Per-unit parameters for the live KPIs (base rates, volume, drift phase); opaque to the API. */
  service: ServiceProfile[];
  /** Natural threshold dips in the live KPIs (see GenerateOptions.dips). */
  dips: boolean;
}

export interface ServiceProfile {
  unit: string;
  level: string;
  /** Applications received on an average working day. */
  dailyVolume: number;
  /** Base percentage per service-KPI id. */
  base: Record<string, number>;
  /** Phase in [0, 1) that shifts this unit's drift so units do not move in step. */
  phase: number;
}

export type ServiceKpisAt = (province: SampleProvince, at: Date) => ServiceKpiRow[];
