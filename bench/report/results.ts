/** The shape of bench/results.json. */
import type { Summary } from '../lib/stats';
import type { LoadResult } from '../measure/coldLoad';
import type { FirstViewBytes } from '../measure/bytes';
import type { DrillResult } from '../measure/drill';
import type { IdleResult, RotationResult } from '../measure/rotation';
import type { SoakResult } from '../measure/soak';
import type { RecoveryResult } from '../measure/recovery';

export interface BudgetCheck {
  /** What is measured, e.g. "/wall ready, median". */
  name: string;
  budget: string;
  measured: string;
  pass: boolean;
}

export interface ProvinceResults {
  communes: number;
  blank: Summary;
  loads: LoadResult[];
  drill: DrillResult | null;
}

/** The large province, its loads measured alternately with the normal sample's (`baseline`). */
export interface LargeResults extends ProvinceResults {
  baseline: LoadResult[];
}

export interface BenchResults {
  version: 1;
  startedAt: string;
  minutes: number;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; chromium: string };
  settings: { runs: number; clicks: number; rotationSteps: number; soakSceneChanges: number; recoveryScreens: number; quick: boolean };
  blankPath: string;
  normal: ProvinceResults;
  bytes: FirstViewBytes[];
  rotation: RotationResult | null;
  idle: IdleResult | null;
  soak: SoakResult | null;
  /** Every feed broken for 20 s in each way, on many screens at once: how soon they are ready again, at what cost. */
  recovery: RecoveryResult | null;
  large: LargeResults | null;
  budgets: BudgetCheck[];
}
