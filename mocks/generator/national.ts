import type { Indicator, NationalRow } from '../../src/contract';
import { rankWithTies } from '../../src/domain/rank';
import {
  LAST_DISTRICT_YEAR,
  PROVINCE_CODE,
  PROVINCE_REGION,
  PROVINCE_REGION_EN,
  PROVINCE_SHORT_NAME,
  PROVINCE_SHORT_NAME_EN,
} from './constants';
import { clamp, mean, roundTo, standardDeviation } from './math';
import { PROVINCES_BEFORE_2025, PROVINCES_FROM_2025, REGIONS, REPLACED_PROVINCE_CODE, type ProvinceFact } from './provinces';
import { hashUnit, type Rng } from './rng';

/**
 * National tables: every province's value and rank per annual index and year. Real province names,
 * generated values: each table has the published average (`mean`), lowest (`lo`) and highest (`hi`)
 * where they are known (DOMAIN.md), and plausible figures for the other years.
 */
export interface YearSpec {
  mean: number;
  lo: number;
  hi: number;
}

type Specs = Record<number, YearSpec>;
const s = (mean: number, lo: number, hi: number): YearSpec => ({ mean, lo, hi });

export const NATIONAL_SPECS: Record<string, Specs> = {
  par: {
    2016: s(74.5, 66.0, 83.5), 2017: s(75.4, 67.5, 84.5), 2018: s(78.3, 71.0, 87.0), 2019: s(80.9, 73.5, 88.5),
    2020: s(83.4, 76.0, 90.5), 2021: s(84.9, 78.5, 91.0), 2022: s(81.0, 74.0, 89.5), 2023: s(86.98, 81.32, 92.18),
    2024: s(88.37, 82.0, 96.17), 2025: s(88.9, 82.5, 95.5),
  },
  sipas: {
    2016: s(80.5, 74.5, 88.0), 2017: s(81.0, 75.0, 88.5), 2018: s(82.5, 76.0, 89.5), 2019: s(84.0, 77.5, 90.5),
    2020: s(85.3, 78.5, 91.0), 2021: s(85.6, 79.0, 91.0), 2022: s(81.5, 75.0, 89.0), 2023: s(82.66, 75.03, 90.61),
    2024: s(84.2, 77.0, 91.0), 2025: s(84.8, 77.5, 91.0),
  },
  pci: {
    2016: s(59.4, 55.0, 70.0), 2017: s(60.1, 55.2, 70.6), 2018: s(61.5, 55.5, 70.8), 2019: s(62.8, 56.0, 72.0),
    2020: s(63.9, 57.5, 70.8), 2021: s(64.5, 58.0, 72.9), 2022: s(65.0, 58.5, 71.0), 2023: s(65.1, 58.8, 72.1),
    2024: s(65.6, 59.0, 72.6), 2025: s(66.0, 59.5, 73.0),
  },
  papi: {
    // 2016–2017 on six dimensions; from 2018 on eight (scale 10–80).
    2016: s(37.2, 35.5, 40.8), 2017: s(37.6, 35.6, 41.2), 2018: s(43.0, 39.5, 46.5), 2019: s(43.2, 40.0, 46.6),
    2020: s(42.8, 39.3, 46.3), 2021: s(42.2, 38.8, 45.9), 2022: s(42.0, 38.6, 45.6), 2023: s(42.33, 38.9, 46.04),
    2024: s(42.6, 39.0, 46.4), 2025: s(42.9, 39.3, 46.8),
  },
  ict: {
    2016: s(0.38, 0.2, 0.8), 2017: s(0.4, 0.21, 0.81), 2018: s(0.42, 0.22, 0.82), 2019: s(0.44, 0.22, 0.83),
    2020: s(0.46, 0.23, 0.84), 2021: s(0.48, 0.24, 0.84), 2022: s(0.5, 0.25, 0.845), 2023: s(0.52, 0.2, 0.849),
    2024: s(0.54, 0.26, 0.85), 2025: s(0.56, 0.28, 0.85),
  },
  dti: {
    2020: s(0.37, 0.3, 0.487), 2021: s(0.46, 0.33, 0.62), 2022: s(0.55, 0.42, 0.72), 2023: s(0.62, 0.48, 0.834),
    2024: s(0.696, 0.6, 0.824), 2025: s(0.72, 0.61, 0.835),
  },
};

export function specFor(indicatorId: string, year: number): YearSpec {
  const spec = NATIONAL_SPECS[indicatorId]?.[year];
  if (!spec) throw new Error(`no national spec for ${indicatorId} ${year}`);
  return spec;
}

/**
 * A value for a standard score z: the published average at z = 0, reaching the top at z = `reach`
 * and the bottom at z = −`reach`.
 */
export function valueForZ(spec: YearSpec, z: number, reach: number): number {
  return z >= 0 ? spec.mean + (z * (spec.hi - spec.mean)) / reach : spec.mean + (z * (spec.mean - spec.lo)) / reach;
}

/** The real provinces of the table for a year (the replaced slot left out). */
export function realProvinces(year: number): readonly ProvinceFact[] {
  const list = year <= LAST_DISTRICT_YEAR ? PROVINCES_BEFORE_2025 : PROVINCES_FROM_2025;
  return list.filter((p) => p.code !== REPLACED_PROVINCE_CODE);
}

/**
 * Standard scores of the real provinces per index and year: a general governance factor, a lasting
 * index-specific offset and a year-to-year AR(1) wobble, so standings persist with real movement.
 * Merged provinces (2025) start from the mean of their predecessors.
 */
function provinceScores(rng: Rng, indicatorIds: readonly string[], years: readonly number[]): Map<string, Map<number, Map<string, number>>> {
  const general = new Map<string, number>();
  const generalRng = rng.fork('general');
  for (const p of PROVINCES_BEFORE_2025) general.set(p.code, generalRng.normal());
  const out = new Map<string, Map<number, Map<string, number>>>();
  for (const id of indicatorIds) {
    const r = rng.fork(`scores:${id}`);
    const byYear = new Map<number, Map<string, number>>();
    const offset = new Map<string, number>();
    const wobble = new Map<string, number>();
    for (const p of PROVINCES_BEFORE_2025) {
      offset.set(p.code, r.normal(0, 0.7));
      wobble.set(p.code, r.normal(0, 0.5));
    }
    for (const year of years) {
      const scores = new Map<string, number>();
      for (const p of PROVINCES_BEFORE_2025) {
        const previous = wobble.get(p.code) ?? 0;
        const next = 0.6 * previous + r.normal(0, 0.4);
        wobble.set(p.code, next);
        scores.set(p.code, 0.7 * (general.get(p.code) ?? 0) + 0.5 * (offset.get(p.code) ?? 0) + next);
      }
      if (year > LAST_DISTRICT_YEAR) {
        for (const p of PROVINCES_FROM_2025) {
          const predecessors = (p.from ?? [p.code]).map((code) => scores.get(code) ?? 0);
          scores.set(`new:${p.code}`, mean(predecessors) + r.normal(0, 0.3));
        }
      }
      byYear.set(year, scores);
    }
    out.set(id, byYear);
  }
  return out;
}

/** Tables whose values include a forced tie (as published: two provinces 15th in DTI 2022). */
const FIXED_TIES: Record<string, number> = { 'dti:2022': 14 };

/**
 * National rows for every annual index and year the index exists, with the sample province's values
 * (from its own observations) in its slot. Rows are sorted by rank, then code.
 */
export function buildNational(
  rng: Rng,
  indicators: readonly Indicator[],
  yearsOf: (indicator: Indicator) => number[],
  ownValue: (indicatorId: string, year: number) => number,
): NationalRow[] {
  const allYears = [...new Set(indicators.flatMap((i) => yearsOf(i)))].sort((a, b) => a - b);
  const scores = provinceScores(rng, indicators.map((i) => i.id), allYears);
  const rows: NationalRow[] = [];
  for (const indicator of indicators) {
    for (const year of yearsOf(indicator)) {
      rows.push(...nationalTable(rng, indicator, year, scores.get(indicator.id)?.get(year) ?? new Map(), ownValue(indicator.id, year)));
    }
  }
  return rows;
}

function nationalTable(rng: Rng, indicator: Indicator, year: number, scores: Map<string, number>, own: number): NationalRow[] {
  const spec = specFor(indicator.id, year);
  const decimals = indicator.scale.decimals;
  const real = realProvinces(year);
  const key = (p: ProvinceFact) => (year > LAST_DISTRICT_YEAR ? `new:${p.code}` : p.code);
  const raw = real.map((p) => scores.get(key(p)) ?? 0);
  const m = mean(raw);
  const sd = standardDeviation(raw) || 1;
  const z = raw.map((x) => (x - m) / sd);
  const top = Math.max(...z);
  const bottom = Math.min(...z);
  // The best real province gets the published top, the worst the published bottom.
  let values = z.map((x) => (x >= 0 ? spec.mean + (x * (spec.hi - spec.mean)) / top : spec.mean + (x * (spec.mean - spec.lo)) / -bottom));
  // Pull the average (sample province included) to the published one, keeping top and bottom in place.
  const shift = spec.mean - (values.reduce((a, b) => a + b, 0) + own) / (values.length + 1);
  values = values.map((v, i) => (z[i] === top || z[i] === bottom ? v : clamp(v + shift, spec.lo, spec.hi)));
  values = values.map((v) => roundTo(v, decimals));

  const all = [...values, own];
  const ownIndex = all.length - 1;
  forceTie(all, ownIndex, decimals, tiePosition(rng, indicator.id, year, all.length));

  const ranks = rankWithTies(all, indicator.direction, decimals);
  const rows: NationalRow[] = all.map((value, i) => {
    const p = real[i];
    const rank = ranks[i] ?? all.length;
    if (!p) {
      return {
        indicator: indicator.id, period: year, province: PROVINCE_CODE, name: PROVINCE_SHORT_NAME, nameEn: PROVINCE_SHORT_NAME_EN,
        region: PROVINCE_REGION, regionEn: PROVINCE_REGION_EN, value, rank, rankOf: all.length, own: true,
      };
    }
    const region = REGIONS[p.region];
    return {
      indicator: indicator.id, period: year, province: p.code, name: p.name, nameEn: p.nameEn,
      region: region.vi, regionEn: region.en, value, rank, rankOf: all.length, own: false,
    };
  });
  return rows.sort((a, b) => a.rank - b.rank || (a.province < b.province ? -1 : a.province > b.province ? 1 : 0));
}

/** Where to force a tie in a table (0-based position in rank order), or null: about a third of tables. */
function tiePosition(rng: Rng, indicatorId: string, year: number, size: number): number | null {
  const fixed = FIXED_TIES[`${indicatorId}:${year}`];
  if (fixed !== undefined) return fixed;
  if (hashUnit(rng.seed, 'national-tie', indicatorId, year) >= 0.35) return null;
  return 1 + Math.floor(hashUnit(rng.seed, 'national-tie-at', indicatorId, year) * (size - 3));
}

/**
 * Makes the values at rank positions `at` and `at + 1` equal (0-based, best first) by moving one of them
 * onto the other; the sample province's value is never moved. Order is kept, so other ranks hold.
 */
function forceTie(values: number[], ownIndex: number, decimals: number, at: number | null): void {
  if (at === null) return;
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v || a.i - b.i);
  const upper = order[at];
  const lower = order[at + 1];
  if (!upper || !lower) return;
  const above = order[at - 1];
  const below = order[at + 2];
  const step = 10 ** -decimals;
  if (above && above.v === upper.v && upper.i !== ownIndex && lower.i !== ownIndex) {
    // Already tied with the one above: step both down one unit, so exactly these two share the rank.
    const v = roundTo(upper.v - step, decimals);
    if (!below || v > below.v) {
      values[upper.i] = v;
      values[lower.i] = v;
    }
    return;
  }
  if (lower.i !== ownIndex) values[lower.i] = roundTo(upper.v, decimals);
  else values[upper.i] = roundTo(lower.v, decimals);
}
