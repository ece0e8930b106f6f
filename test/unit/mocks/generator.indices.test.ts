import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { NationalRow, ObservationRow, type Indicator } from '../../../src/contract';
import { rankWithTies } from '../../../src/domain/rank';
import { generateProvince } from '../../../mocks/generator';

const province = generateProvince({ seed: 4242 });
const indicators = new Map(province.indicators.map((i) => [i.id, i]));
const ANNUAL = ['par', 'sipas', 'pci', 'papi', 'ict', 'dti'];
const districtCodes = province.units.filter((u) => u.level === 'district').map((u) => u.code);
const communeCodes = province.units.filter((u) => u.level === 'commune').map((u) => u.code);

function indicator(id: string): Indicator {
  const found = indicators.get(id);
  if (!found) throw new Error(id);
  return found;
}

function yearsOf(id: string): number[] {
  const first = id === 'dti' ? 2020 : 2016;
  return Array.from({ length: 2025 - first + 1 }, (_, k) => first + k);
}

/** The total each index's rule gives for its components. */
function ruleTotal(id: string, components: Record<string, number>): number {
  const ind = indicator(id);
  const valid = ind.components.filter((c) => c.id in components);
  const values = valid.map((c) => components[c.id] ?? 0);
  const weights = valid.map((c) => c.weight ?? 1);
  const weighted = values.reduce((t, x, i) => t + x * (weights[i] ?? 0), 0);
  switch (id) {
    case 'par':
    case 'papi':
      return values.reduce((t, x) => t + x, 0);
    case 'sipas':
      return values.reduce((t, x) => t + x, 0) / values.length;
    case 'pci':
      return weighted * 10;
    default:
      return weighted / weights.reduce((t, w) => t + w, 0);
  }
}

function table<T extends { indicator: string; period: number }>(rows: readonly T[], id: string, year: number, extra: (row: T) => boolean = () => true): T[] {
  return rows.filter((r) => r.indicator === id && r.period === year && extra(r));
}

/** Asserts lo <= x <= hi. */
function expectWithin(x: number | null | undefined, lo: number, hi: number): void {
  expect(x).toBeGreaterThanOrEqual(lo);
  expect(x).toBeLessThanOrEqual(hi);
}

const mean = (xs: readonly number[]) => xs.reduce((t, x) => t + x, 0) / xs.length;

describe('observations', () => {
  it('validate against the contract', () => {
    for (const row of province.observations) expect(v.parse(ObservationRow, row)).toEqual(row);
  });

  it('cover each annual index every year it exists, province plus districts to 2024 and communes in 2025', () => {
    for (const id of ANNUAL) {
      const levels = indicator(id).levels;
      const years = new Set(province.observations.filter((r) => r.indicator === id).map((r) => r.period));
      expect([...years].sort()).toEqual(yearsOf(id));
      for (const year of yearsOf(id)) {
        expect(table(province.observations, id, year, (r) => r.level === 'province').map((r) => r.unit)).toEqual(['99']);
        const districts = table(province.observations, id, year, (r) => r.level === 'district').map((r) => r.unit);
        const communes = table(province.observations, id, year, (r) => r.level === 'commune').map((r) => r.unit);
        expect(districts).toEqual(levels.includes('district') && year <= 2024 ? districtCodes : []);
        expect(communes).toEqual(levels.includes('commune') && year === 2025 ? communeCodes : []);
      }
    }
  });

  it('round values to the index decimals and stay inside the scale', () => {
    for (const row of province.observations) {
      const scale = indicator(row.indicator).scale;
      expect(row.value).toBeGreaterThanOrEqual(scale.min);
      expect(row.value).toBeLessThanOrEqual(scale.max);
      expect(Math.abs(row.value * 10 ** scale.decimals - Math.round(row.value * 10 ** scale.decimals))).toBeLessThan(1e-6);
    }
  });

  it('keep province values in the published ranges', () => {
    const own = (id: string) => province.observations.filter((r) => r.indicator === id && r.level === 'province');
    const par2023 = own('par').find((r) => r.period === 2023);
    expect(par2023?.value).toBeGreaterThanOrEqual(81.32);
    expect(par2023?.value).toBeLessThanOrEqual(92.18);
    for (const r of own('sipas')) expectWithin(r.value, 74.5, 91);
    for (const r of own('pci')) {
      expect(r.value).toBeGreaterThanOrEqual(55);
      expect(r.value).toBeLessThanOrEqual(73);
      for (const sub of Object.values(r.components ?? {})) expectWithin(sub, 4.8, 8.5);
    }
    for (const r of own('papi')) expectWithin(r.value, 35, 47);
    for (const r of own('ict')) expectWithin(r.value, 0.2, 0.85);
    const dti = own('dti');
    expect(dti.find((r) => r.period === 2020)?.value).toBeLessThanOrEqual(0.49);
    expect(dti.find((r) => r.period === 2024)?.value).toBeGreaterThanOrEqual(0.6);
    for (const r of dti) expectWithin(r.value, 0.3, 0.84);
  });

  it('keep DDCI sub-indices of units within 0–10', () => {
    for (const row of province.observations.filter((r) => r.indicator === 'pci' && r.level !== 'province')) {
      for (const sub of Object.values(row.components ?? {})) expectWithin(sub, 0, 10);
    }
  });

  it('carry components coherent with the total by each index rule', () => {
    for (const row of province.observations) {
      const ind = indicator(row.indicator);
      const components = row.components ?? {};
      const valid = ind.components.filter((c) => (c.validFrom ?? 0) <= row.period && row.period <= (c.validTo ?? 9999));
      expect(Object.keys(components).sort()).toEqual(valid.map((c) => c.id).sort());
      for (const c of valid) expectWithin(components[c.id], 0, c.max);
      expect(Math.abs(ruleTotal(row.indicator, components) - row.value)).toBeLessThanOrEqual(0.5 * 10 ** -ind.scale.decimals + 1e-9);
    }
  });

  it('show PAPI on six dimensions before 2018 and eight from 2018', () => {
    const papi = province.observations.filter((r) => r.indicator === 'papi');
    for (const row of papi) expect(Object.keys(row.components ?? {})).toHaveLength(row.period < 2018 ? 6 : 8);
  });

  it('rank units inside the province with competition ranks, ties included', () => {
    let tiedTables = 0;
    for (const id of ANNUAL) {
      for (const year of yearsOf(id)) {
        for (const level of ['district', 'commune']) {
          const rows = table(province.observations, id, year, (r) => r.level === level);
          if (rows.length === 0) continue;
          const expected = rankWithTies(rows.map((r) => r.value), 'higher-is-better', indicator(id).scale.decimals);
          expect(rows.map((r) => r.rank)).toEqual(expected);
          for (const r of rows) expect(r.rankOf).toBe(rows.length);
          if (new Set(expected).size < expected.length) tiedTables++;
        }
      }
    }
    expect(tiedTables).toBeGreaterThanOrEqual(3);
  });

  it('keep unit standings persistent with real movement from year to year', () => {
    const ranks = (year: number) => table(province.observations, 'par', year, (r) => r.level === 'district').map((r) => r.rank ?? 0);
    let moved = 0;
    let correlation = 0;
    for (let year = 2017; year <= 2024; year++) {
      const a = ranks(year - 1);
      const b = ranks(year);
      if (a.some((r, i) => r !== b[i])) moved++;
      const ma = mean(a);
      const mb = mean(b);
      const cov = a.reduce((t, r, i) => t + (r - ma) * ((b[i] ?? 0) - mb), 0);
      const sa = Math.sqrt(a.reduce((t, r) => t + (r - ma) ** 2, 0));
      const sb = Math.sqrt(b.reduce((t, r) => t + (r - mb) ** 2, 0));
      correlation += cov / (sa * sb);
    }
    expect(moved).toBeGreaterThanOrEqual(6);
    expect(correlation / 8).toBeGreaterThan(0.3);
  });
});

describe('national tables', () => {
  it('validate against the contract', () => {
    for (const row of province.national) expect(v.parse(NationalRow, row)).toEqual(row);
  });

  it('hold 63 provinces a year to 2024 and 34 from 2025, exactly one of them ours', () => {
    for (const id of ANNUAL) {
      for (const year of yearsOf(id)) {
        const rows = table(province.national, id, year);
        const size = year <= 2024 ? 63 : 34;
        expect(rows).toHaveLength(size);
        expect(new Set(rows.map((r) => r.province)).size).toBe(size);
        expect(rows.filter((r) => r.own).map((r) => r.province)).toEqual(['99']);
        for (const r of rows) expect(r.rankOf).toBe(size);
      }
    }
  });

  it('use real province names with their regions next to the sample province', () => {
    const names = new Set(province.national.filter((r) => !r.own).map((r) => r.name));
    expect(names).toContain('Hà Nội');
    expect(names).toContain('TP. Hồ Chí Minh');
    expect(names).toContain('Đắk Lắk');
    const regions = new Set(province.national.map((r) => r.region));
    expect(regions.size).toBe(6);
    const in2025 = new Set(table(province.national, 'par', 2025).map((r) => r.name));
    expect(in2025.has('Hà Giang')).toBe(false);
    expect(in2025.has('Tuyên Quang')).toBe(true);
    const own = province.national.find((r) => r.own);
    expect(own).toMatchObject({ province: '99', region: 'Tây Nguyên', regionEn: 'Central Highlands' });
  });

  it('rank with ties, some tables tied', () => {
    let tied = 0;
    for (const id of ANNUAL) {
      for (const year of yearsOf(id)) {
        const rows = table(province.national, id, year);
        expect(rows.map((r) => r.rank)).toEqual(rankWithTies(rows.map((r) => r.value), 'higher-is-better', indicator(id).scale.decimals));
        if (new Set(rows.map((r) => r.rank)).size < rows.length) tied++;
      }
    }
    expect(tied).toBeGreaterThan(0);
    expect(table(province.national, 'dti', 2022, (r) => r.rank === 15)).toHaveLength(2);
  });

  it('give the province row the rank of its own national row', () => {
    for (const row of province.observations.filter((r) => r.level === 'province')) {
      const own = table(province.national, row.indicator, row.period, (r) => r.own)[0];
      expect(own?.value).toBe(row.value);
      expect(row.rank).toBe(own?.rank);
      expect(row.rankOf).toBe(own?.rankOf);
    }
  });

  it('centre on the published averages and tops', () => {
    const values = (id: string, year: number) => table(province.national, id, year).map((r) => r.value);
    expect(mean(values('par', 2023))).toBeCloseTo(86.98, 0);
    expect(Math.min(...values('par', 2023))).toBe(81.32);
    expect(Math.max(...values('par', 2023))).toBe(92.18);
    expect(mean(values('par', 2024))).toBeCloseTo(88.37, 0);
    expect(Math.max(...values('par', 2024))).toBe(96.17);
    expect(Math.abs(mean(values('sipas', 2023)) - 82.66)).toBeLessThan(0.5);
    expect(Math.abs(mean(values('papi', 2023)) - 42.33)).toBeLessThan(0.3);
    expect(Math.max(...values('papi', 2023))).toBe(46.04);
    expect(Math.abs(mean(values('dti', 2024)) - 0.696)).toBeLessThan(0.01);
    expect(Math.max(...values('dti', 2024))).toBe(0.824);
    expect(Math.max(...values('dti', 2020))).toBe(0.487);
    for (const id of ANNUAL) {
      for (const year of yearsOf(id)) {
        const scale = indicator(id).scale;
        for (const x of values(id, year)) expectWithin(x, scale.min, scale.max);
      }
    }
    for (const year of yearsOf('pci')) for (const x of values('pci', year)) expectWithin(x, 55, 73);
  });
});
