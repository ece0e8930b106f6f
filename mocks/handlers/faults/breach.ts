import type { ServiceKpiRow } from '../../../src/contract/serviceKpis';
import { LEVEL_COMMUNE } from '../../generator/constants';
import type { Breach } from './settings';

type Counts = ServiceKpiRow['counts'];

/** To the one decimal the feed's rates carry. */
const tenth = (x: number): number => Math.round(x * 10) / 10;

/**
 * Counts that say `value` % on time: resolvedOnTime / resolved × 100 rounds to `value` at one decimal, and
 * resolvedOnTime ≤ resolved. `resolved` stays as it is when some number of files on time fits it; when
 * none does (too few files for that precision, or nothing resolved yet), it becomes the smallest larger
 * number that fits (at most 1,000 more), taken out of `pending`, so that received − resolved − pending,
 * the backlog carried into the day, stays the same while there is enough pending; overdue stays ≤ pending.
 */
export function countsOnTime(counts: Readonly<Counts>, value: number): Counts {
  const target = tenth(value);
  let resolved = Math.max(1, counts.resolved);
  let onTime = Math.round((resolved * target) / 100);
  // The nearest count to the target is the only candidate: if it does not round to it, no count does.
  // resolved = a multiple of 1,000 always fits, so this ends within 1,000 steps.
  while (tenth((onTime / resolved) * 100) !== target) {
    resolved += 1;
    onTime = Math.round((resolved * target) / 100);
  }
  const pending = Math.max(0, counts.pending - (resolved - counts.resolved));
  return { ...counts, resolved, resolvedOnTime: Math.min(onTime, resolved), pending, overdue: Math.min(counts.overdue, pending) };
}

/**
 * A live-KPI breach, for as long as the fault is on: `rates[kpi]` of the unit's row becomes `value`. For
 * `on-time` the counts follow (see countsOnTime), so the row still agrees with itself. Only that row
 * changes: the province's row keeps its own figures. Without `unit`, the first commune row of each answer
 * is used (with no `unit` filter in the request, the province's first commune); an answer without the
 * unit's row is left as it was.
 */
export function applyBreach(rows: readonly unknown[], breach: Breach): void {
  const all = rows as ServiceKpiRow[];
  const row = breach.unit === undefined ? all.find((r) => r.level === LEVEL_COMMUNE) : all.find((r) => r.unit === breach.unit);
  if (!row) return;
  row.rates = { ...row.rates, [breach.kpi]: breach.value };
  if (breach.kpi === 'on-time' && typeof row.counts === 'object' && row.counts !== null) row.counts = countsOnTime(row.counts, breach.value);
}
