import { valueChange } from './change';
import { remapToNewUnits, type CrosswalkEdge } from './crosswalk';
import type { Observation } from './types';

/** A unit whose value moved since the previous year. */
export interface Mover {
  unit: string;
  value: number;
  /** Last year's value: the unit's own, or its predecessors' weighted mean when `remapped`. */
  previousValue: number;
  /** value − previousValue in the better direction: positive is an improvement. */
  change: number;
  /** Places gained (positive) or lost (negative); null when either year has no rank or the fields differ. */
  rankChange: number | null;
  /** True when last year's value was carried across a boundary change, so the two years are not the same units. */
  remapped: boolean;
}

export interface MoversOptions {
  direction: 'higher-is-better' | 'lower-is-better';
  /** At most this many units each way. */
  count: number;
}

/** Changes this close are equal: index values are published to two decimals, floating sums are not exact. */
const PRECISION = 1e9;
const clean = (x: number) => Math.round(x * PRECISION) / PRECISION;

function byCode(a: Mover, b: Mover): number {
  return a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0;
}

/** Places gained, when both years ranked the unit within fields of the same size. */
function placesGained(now: Observation, before: Observation): number | null {
  if (now.rank === null || before.rank === null) return null;
  if (now.rankOf !== null && before.rankOf !== null && now.rankOf !== before.rankOf) return null;
  return before.rank - now.rank;
}

/**
 * The units that improved most (`up`, largest improvement first) and declined most (`down`, largest decline
 * first) between two years of one indicator, at most `count` each way; equal changes are ordered by unit
 * code, so the lists never depend on the order of the input. Units with no change are in neither list.
 *
 * A unit observed in both years at the same level is compared with itself, with the places it gained.
 * A unit that did not exist the year before (a commune formed in the 2025 reform, when the previous year
 * was measured on districts) is compared with its predecessors' weighted mean through the crosswalk
 * (see remapToNewUnits; a partial coverage still counts), marked `remapped`, and has no rank change: ranks
 * among districts and among communes are not comparable. So is a unit whose value either year was already
 * re-mapped by the feed. Units with no previous value at all are left out.
 */
export function movers(
  current: readonly Observation[],
  previous: readonly Observation[],
  crosswalk: readonly CrosswalkEdge[],
  options: MoversOptions,
): { up: Mover[]; down: Mover[] } {
  const before = new Map<string, Observation>();
  for (const observation of previous) {
    if (Number.isFinite(observation.value) && !before.has(observation.unit)) before.set(observation.unit, observation);
  }
  const carried = remapToNewUnits(new Map([...before].map(([unit, observation]) => [unit, observation.value])), crosswalk);

  const all: Mover[] = [];
  const seen = new Set<string>();
  for (const now of current) {
    if (!Number.isFinite(now.value) || seen.has(now.unit)) continue;
    seen.add(now.unit);
    const same = before.get(now.unit);
    if (same && same.level === now.level) {
      const remapped = now.remapped === true || same.remapped === true;
      all.push({
        unit: now.unit,
        value: now.value,
        previousValue: same.value,
        change: clean(valueChange(now.value, same.value, options.direction)),
        rankChange: remapped ? null : placesGained(now, same),
        remapped,
      });
      continue;
    }
    const predecessors = carried.get(now.unit);
    if (!predecessors) continue;
    all.push({
      unit: now.unit,
      value: now.value,
      previousValue: predecessors.value,
      change: clean(valueChange(now.value, predecessors.value, options.direction)),
      rankChange: null,
      remapped: true,
    });
  }

  const limit = Math.max(0, Math.floor(options.count));
  return {
    up: all.filter((m) => m.change > 0).sort((a, b) => b.change - a.change || byCode(a, b)).slice(0, limit),
    down: all.filter((m) => m.change < 0).sort((a, b) => a.change - b.change || byCode(a, b)).slice(0, limit),
  };
}
