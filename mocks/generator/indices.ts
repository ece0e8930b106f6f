import type { Indicator, NationalRow, ObservationRow } from '../../src/contract';
import { rankWithTies } from '../../src/domain/rank';
import { ANNUAL_INDEX_IDS, firstYearOf } from './catalogue';
import { compose, persistentOffsets, retarget, type Composed } from './composition';
import { FIRST_YEAR, LAST_DISTRICT_YEAR, LAST_YEAR, LEVEL_COMMUNE, LEVEL_DISTRICT, LEVEL_PROVINCE, PROVINCE_CODE, REFORM_YEAR } from './constants';
import { clamp, years } from './math';
import { buildNational, specFor, valueForZ } from './national';
import { hashUnit, type Rng } from './rng';
import type { UnitsBuild } from './units';

/**
 * Ten years of the annual indices: the province's own values (which also sit in the national tables,
 * so its rank there is its rank here), and its districts (2016–2024) and communes (2025) scored with
 * the internal versions of the indices measured at those levels.
 */

/** Spread of unit values around the province's value (one standard score), per index. */
const UNIT_SPREAD: Record<string, number> = { par: 3.2, sipas: 2.8, pci: 4.2, papi: 2, ict: 0.06, dti: 0.045 };

/** Tables (indicator:year:level) that always get a tie, so ties show in every run; about 30 % of others do too. */
const FIXED_UNIT_TIES = new Set(['par:2023:district', 'sipas:2020:district', 'pci:2025:commune', 'dti:2025:commune']);

/** Years an index is published in the sample. */
export function yearsOf(indicator: Indicator): number[] {
  return years(firstYearOf(indicator, FIRST_YEAR), LAST_YEAR);
}

export interface IndicesBuild {
  observations: ObservationRow[];
  national: NationalRow[];
  /** Lasting strength per unit code (standard score), for other parts that want coherent units. */
  strength: Map<string, number>;
}

export function buildIndices(rng: Rng, catalogue: readonly Indicator[], units: UnitsBuild): IndicesBuild {
  const annual = catalogue.filter((i) => (ANNUAL_INDEX_IDS as readonly string[]).includes(i.id));

  // 1. The province's own values.
  const own = new Map<string, Map<number, Composed>>();
  const ownRng = rng.fork('own');
  for (const indicator of annual) {
    const r = ownRng.fork(indicator.id);
    const lasting = persistentOffsets(r, indicator);
    // A province in the upper middle of the national field, with its good and bad years.
    const standing = r.range(-0.2, 1.0);
    let wobble = r.normal(0, 0.35);
    const byYear = new Map<number, Composed>();
    for (const year of yearsOf(indicator)) {
      wobble = 0.5 * wobble + r.normal(0, 0.3);
      const z = clamp(standing + wobble, -1.5, 1.6);
      byYear.set(year, compose(indicator, year, valueForZ(specFor(indicator.id, year), z, 2.4), r, lasting, 'province'));
    }
    own.set(indicator.id, byYear);
  }

  // 2. National tables around them.
  const national = buildNational(rng.fork('national'), annual, yearsOf, (id, year) => own.get(id)?.get(year)?.value ?? 0);
  const ownRank = new Map<string, NationalRow>();
  for (const row of national) if (row.own) ownRank.set(`${row.indicator}:${row.period}`, row);

  // 3. Units: lasting strengths, communes inheriting from the districts they came from.
  const strength = unitStrengths(rng.fork('strength'), units);

  const observations: ObservationRow[] = [];
  for (const indicator of annual) {
    const unitSeries = unitValues(rng.fork(`units:${indicator.id}`), indicator, units, strength, (year) => own.get(indicator.id)?.get(year)?.value ?? 0);
    for (const year of yearsOf(indicator)) {
      const mine = own.get(indicator.id)?.get(year);
      const standing = ownRank.get(`${indicator.id}:${year}`);
      if (mine && standing) {
        observations.push({
          indicator: indicator.id, unit: PROVINCE_CODE, level: LEVEL_PROVINCE, period: year,
          value: mine.value, rank: standing.rank, rankOf: standing.rankOf, components: mine.components,
        });
      }
      const table = unitSeries.get(year);
      if (table) observations.push(...table);
    }
  }
  return { observations, national, strength };
}

function unitStrengths(rng: Rng, units: UnitsBuild): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of units.districts) {
    const bonus = d.shape.kind === 'city' ? 0.6 : d.shape.kind === 'town' ? 0.3 : 0;
    out.set(d.unit.code, rng.normal(bonus, 0.9));
  }
  for (const c of units.communes) {
    let inherited = 0;
    for (const edge of units.crosswalk) if (edge.to === c.unit.code) inherited += edge.weight * (out.get(edge.from) ?? 0);
    const bonus = c.kind === 'ward' ? 0.3 : c.kind === 'special' ? -0.2 : 0;
    out.set(c.unit.code, 0.7 * inherited + rng.normal(bonus, 0.6));
  }
  return out;
}

/** Unit rows per year for one index, ranked inside the province, with ties forced in some tables. */
function unitValues(
  rng: Rng,
  indicator: Indicator,
  units: UnitsBuild,
  strength: Map<string, number>,
  provinceValue: (year: number) => number,
): Map<number, ObservationRow[]> {
  const out = new Map<number, ObservationRow[]>();
  const spread = UNIT_SPREAD[indicator.id] ?? 1;
  const levels = [
    { level: LEVEL_DISTRICT, list: units.districts.map((d) => d.unit.code), years: yearsOf(indicator).filter((y) => y <= LAST_DISTRICT_YEAR) },
    { level: LEVEL_COMMUNE, list: units.communes.map((c) => c.unit.code), years: yearsOf(indicator).filter((y) => y >= REFORM_YEAR) },
  ].filter((l) => indicator.levels.includes(l.level));

  for (const { level, list, years: levelYears } of levels) {
    const state = list.map((code) => {
      const r = rng.fork(code);
      return { code, r, lasting: persistentOffsets(r, indicator), offset: r.normal(0, 0.45), wobble: r.normal(0, 0.4) };
    });
    for (const year of levelYears) {
      const centre = provinceValue(year);
      const rows = state.map((u) => {
        u.wobble = 0.5 * u.wobble + u.r.normal(0, 0.45);
        const z = 0.8 * ((strength.get(u.code) ?? 0) + u.offset) + u.wobble;
        return compose(indicator, year, centre + spread * z, u.r, u.lasting, 'unit');
      });
      if (FIXED_UNIT_TIES.has(`${indicator.id}:${year}:${level}`) || hashUnit(rng.seed, 'unit-tie', indicator.id, year, level) < 0.3) {
        makeTie(indicator, year, rows);
      }
      const ranks = rankWithTies(rows.map((r) => r.value), indicator.direction, indicator.scale.decimals);
      out.set(
        year,
        rows.map((row, i) => ({
          indicator: indicator.id, unit: state[i]?.code ?? '', level, period: year,
          value: row.value, rank: ranks[i] ?? rows.length, rankOf: rows.length, components: row.components,
        })),
      );
    }
  }
  return out;
}

/**
 * Makes two units with neighbouring values share one value: of the closest pairs, the first whose lower
 * unit can reach the upper one's value by moving one component. Ranks then read 1, 2, 2, 4…
 */
function makeTie(indicator: Indicator, year: number, rows: Composed[]): void {
  const order = rows.map((row, i) => ({ value: row.value, i })).sort((a, b) => b.value - a.value || a.i - b.i);
  const pairs: { upper: number; lower: number; gap: number }[] = [];
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k];
    const b = order[k + 1];
    if (a && b && a.value > b.value) pairs.push({ upper: a.i, lower: b.i, gap: a.value - b.value });
    if (a && b && a.value === b.value) return; // already tied
  }
  pairs.sort((a, b) => a.gap - b.gap || a.lower - b.lower);
  for (const pair of pairs.slice(0, 8)) {
    const upper = rows[pair.upper];
    const lower = rows[pair.lower];
    if (!upper || !lower) continue;
    const moved = retarget(indicator, year, lower, upper.value);
    if (moved) {
      rows[pair.lower] = moved;
      return;
    }
  }
}
