import type { Component, Indicator } from '../../src/contract';
import { componentsIn } from './catalogue';
import { clamp, roundTo } from './math';
import type { Rng } from './rng';

/**
 * How each annual index's total follows from its components, and how the generator builds components
 * that add up to a wanted total.
 *
 * Total rules (the tests check them):
 * - par, papi: the sum of the component points (PAR fields; PAPI dimensions valid that year);
 * - sipas: the mean of the survey groups;
 * - pci: Σ weight_i × subindex_i × 10 (sub-indices 0–10, weights summing to 1, total 0–100);
 * - ict, dti: the weighted mean Σ weight_i × c_i / Σ weight_i (equal weights in this catalogue).
 * Components are rounded to the index's decimals first and the total is computed from the rounded
 * components, then rounded itself: so a total differs from its rule by at most half a unit of its last
 * decimal.
 */
export type TotalRule = 'sum' | 'mean' | 'weighted-x10' | 'weighted-mean';

export const TOTAL_RULES: Record<string, TotalRule> = {
  par: 'sum',
  papi: 'sum',
  sipas: 'mean',
  pci: 'weighted-x10',
  ict: 'weighted-mean',
  dti: 'weighted-mean',
};

export function totalOf(rule: TotalRule, components: readonly Component[], values: readonly number[]): number {
  let total = 0;
  let weights = 0;
  components.forEach((k, i) => {
    const v = values[i] ?? 0;
    const w = k.weight ?? 1;
    if (rule === 'sum' || rule === 'mean') total += v;
    else total += w * v;
    weights += w;
  });
  if (rule === 'mean') return components.length > 0 ? total / components.length : 0;
  if (rule === 'weighted-x10') return total * 10;
  if (rule === 'weighted-mean') return weights > 0 ? total / weights : 0;
  return total;
}

/** Shape of an index's components: typical level of each (share of its max, relative), and spread. */
interface Profile {
  /** Offset of each component from the others, as a share of its max (the catalogue's order). */
  offsets: number[];
  /** Year-to-year and unit-to-unit noise of a component, as a share of its max. */
  noise: number;
  /** Bounds of a component as shares of its max: [province, units]. */
  bounds: { province: [number, number]; unit: [number, number] };
}

/*
 * Offsets echo the published patterns: in PAPI, procedures and service delivery score high and
 * e-governance and environmental governance low; in DTI the digital economy lags; in PCI entry costs
 * score high and labour training lower.
 */
const PROFILES: Record<string, Profile> = {
  par: { offsets: [0.06, 0.04, 0.04, 0.02, -0.01, 0, -0.06, -0.03], noise: 0.035, bounds: { province: [0.55, 0.99], unit: [0.45, 0.985] } },
  sipas: { offsets: [0.01, -0.01, 0.02, 0, -0.02], noise: 0.02, bounds: { province: [0.7, 0.96], unit: [0.6, 0.97] } },
  pci: {
    offsets: [0.11, -0.01, -0.03, 0.04, -0.01, -0.02, -0.03, 0.01, -0.04, 0.01],
    noise: 0.045,
    // Sub-indices of provinces stay within the published 4.8–8.5; DDCI of units spreads wider.
    bounds: { province: [0.48, 0.85], unit: [0.3, 0.96] },
  },
  papi: { offsets: [-0.03, -0.01, -0.1, 0.15, 0.2, 0.19, -0.19, -0.23], noise: 0.035, bounds: { province: [0.15, 0.9], unit: [0.1, 0.95] } },
  ict: { offsets: [0.03, 0.05, -0.08], noise: 0.05, bounds: { province: [0.1, 0.95], unit: [0.05, 0.98] } },
  dti: { offsets: [0.12, 0.08, 0.05, -0.1, 0.03, 0.06, -0.14, -0.1], noise: 0.05, bounds: { province: [0.1, 0.98], unit: [0.05, 0.99] } },
};

/** A unit's lasting component profile for one index: it keeps its strong and weak fields over the years. */
export function persistentOffsets(rng: Rng, indicator: Indicator): number[] {
  const profile = PROFILES[indicator.id];
  return indicator.components.map(() => rng.normal(0, (profile?.noise ?? 0.04) * 0.8));
}

export interface Composed {
  /** Component id → value, rounded to the index's decimals (only components valid that year). */
  components: Record<string, number>;
  /** Total by the index's rule, from the rounded components, rounded. */
  value: number;
}

/**
 * Components for one unit, index and year whose total comes as close to `target` as the bounds allow.
 * Each component is max × (profile offset + lasting offset + this year's noise + shift); the common shift
 * is found by bisection (the total rises with it), then everything is rounded.
 */
export function compose(
  indicator: Indicator,
  year: number,
  target: number,
  rng: Rng,
  lasting: readonly number[],
  scope: 'province' | 'unit',
): Composed {
  const rule = TOTAL_RULES[indicator.id] ?? 'sum';
  const profile = PROFILES[indicator.id];
  const decimals = indicator.scale.decimals;
  const valid = componentsIn(indicator, year);
  const [lo, hi] = profile ? profile.bounds[scope] : [0, 1];
  const base = valid.map((k) => {
    const index = indicator.components.indexOf(k);
    return (profile?.offsets[index] ?? 0) + (lasting[index] ?? 0) + rng.normal(0, profile?.noise ?? 0.04);
  });
  const valuesAt = (shift: number) => valid.map((k, i) => k.max * clamp((base[i] ?? 0) + shift, lo, hi));
  let low = -2;
  let high = 2;
  for (let step = 0; step < 48; step++) {
    const middle = (low + high) / 2;
    if (totalOf(rule, valid, valuesAt(middle)) < target) low = middle;
    else high = middle;
  }
  const rounded = valuesAt((low + high) / 2).map((v) => roundTo(v, decimals));
  return finish(indicator, valid, rounded);
}

function finish(indicator: Indicator, valid: readonly Component[], values: readonly number[]): Composed {
  const rule = TOTAL_RULES[indicator.id] ?? 'sum';
  const components: Record<string, number> = {};
  valid.forEach((k, i) => {
    components[k.id] = values[i] ?? 0;
  });
  return { components, value: roundTo(totalOf(rule, valid, values), indicator.scale.decimals) };
}

/**
 * Moves one component of `row` so that its rounded total equals `wanted` (to make a tie in a ranking).
 * Returns null when no single component can do it within its bounds.
 */
export function retarget(indicator: Indicator, year: number, row: Composed, wanted: number): Composed | null {
  const rule = TOTAL_RULES[indicator.id] ?? 'sum';
  const decimals = indicator.scale.decimals;
  const factor = 10 ** decimals;
  const valid = componentsIn(indicator, year);
  const values = valid.map((k) => row.components[k.id] ?? 0);
  const base = totalOf(rule, valid, values);
  // Try the components that move the total most first: the smallest change needed.
  const order = valid
    .map((k, i) => {
      const nudged = values.slice();
      nudged[i] = (nudged[i] ?? 0) + 1;
      return { i, slope: totalOf(rule, valid, nudged) - base, max: k.max };
    })
    .filter((x) => x.slope > 0)
    .sort((a, b) => b.slope - a.slope || a.i - b.i);
  for (const { i, slope, max } of order) {
    const current = values[i] ?? 0;
    const candidate = roundTo(current + (wanted - base) / slope, decimals);
    if (candidate < 0 || candidate > max) continue;
    const next = values.slice();
    next[i] = candidate;
    const result = finish(indicator, valid, next);
    if (Math.round(result.value * factor) === Math.round(wanted * factor)) return result;
  }
  return null;
}
