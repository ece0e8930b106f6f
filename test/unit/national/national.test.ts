import { describe, expect, it } from 'vitest';
import type { NationalRow } from '../../../src/contract';
import {
  bestOf,
  chooseYear,
  describeChange,
  fieldGroups,
  nationalAverage,
  nationalStanding,
  nationalYears,
  positionSeries,
  regionStanding,
  rowsOfYear,
} from '../../../src/domain/national';

let next = 0;
function row(period: number, rank: number, rankOf: number, value: number, extra: Partial<NationalRow> = {}): NationalRow {
  next += 1;
  return {
    indicator: 'par',
    period,
    province: `p${next}`,
    name: `Tỉnh ${next}`,
    region: 'Tây Nguyên',
    regionEn: 'Central Highlands',
    value,
    rank,
    rankOf,
    own: false,
    ...extra,
  };
}

describe('the years of a national table', () => {
  const rows = [row(2024, 1, 63, 90), row(2024, 2, 63, 89), row(2025, 1, 34, 91), row(2023, 1, 63, 88), row(2025, 2, 34, 90)];

  it('lists every year once, oldest first, with the published field size even when rows are missing', () => {
    expect(nationalYears(rows)).toEqual([
      { period: 2023, size: 63 },
      { period: 2024, size: 63 },
      { period: 2025, size: 34 },
    ]);
  });

  it('groups consecutive years with the same number of provinces, so the change from 63 to 34 can be marked', () => {
    expect(fieldGroups(nationalYears(rows))).toEqual([
      { size: 63, years: [2023, 2024] },
      { size: 34, years: [2025] },
    ]);
    expect(fieldGroups([])).toEqual([]);
  });

  it('shows the requested year when it has a table and the latest one otherwise', () => {
    const years = nationalYears(rows);
    expect(chooseYear(years, 2024)).toBe(2024);
    expect(chooseYear(years, 2019)).toBe(2025);
    expect(chooseYear(years, null)).toBe(2025);
    expect(chooseYear([], 2024)).toBeNull();
  });

  it('sorts a year best first', () => {
    expect(rowsOfYear(rows, 2025).map((r) => r.rank)).toEqual([1, 2]);
  });
});

describe('average and best', () => {
  it('averages every province of the year', () => {
    expect(nationalAverage([row(2025, 1, 3, 90), row(2025, 2, 3, 80), row(2025, 3, 3, 70)])).toBe(80);
    expect(nationalAverage([])).toBeNull();
  });

  it('names every province sharing the top rank', () => {
    const a = row(2025, 1, 4, 95, { name: 'Huế' });
    const b = row(2025, 1, 4, 95, { name: 'Cao Bằng' });
    const best = bestOf([row(2025, 3, 4, 90), a, b, row(2025, 4, 4, 80)]);
    expect(best?.value).toBe(95);
    expect(best?.rows.map((r) => r.name)).toEqual(['Cao Bằng', 'Huế']);
    expect(bestOf([])).toBeNull();
  });
});

describe('rank within the region', () => {
  const north = { region: 'Đồng bằng sông Hồng', regionEn: 'Red River Delta' };
  const rows = [
    row(2025, 1, 8, 95, north),
    row(2025, 2, 8, 94),
    row(2025, 3, 8, 93, north),
    row(2025, 3, 8, 93, { ...north, province: 'own', own: true }),
    row(2025, 5, 8, 92, north),
    row(2025, 6, 8, 91),
  ];

  it('counts only the provinces of the same region ranked above', () => {
    expect(regionStanding(rows, 'own')).toEqual({ region: 'Đồng bằng sông Hồng', regionEn: 'Red River Delta', rank: 2, of: 4 });
  });

  it('keeps national ties as ties and skips the next rank (1, 2, 2, 4)', () => {
    const ranks = rows.filter((r) => r.region === north.region).map((r) => regionStanding(rows, r.province)?.rank);
    expect(ranks).toEqual([1, 2, 2, 4]);
  });

  it('is unknown for a province not in the table', () => {
    expect(regionStanding(rows, 'nowhere')).toBeNull();
  });
});

describe('position in the field', () => {
  it('places the province from 0 (top) to 1 (bottom), one point a year, oldest first', () => {
    const series = positionSeries([
      row(2025, 14, 34, 89.58, { own: true }),
      row(2024, 9, 63, 90.75, { own: true }),
      row(2024, 1, 63, 96),
      row(2023, 1, 63, 88, { own: true }),
      row(2022, 63, 63, 80, { own: true }),
    ]);
    expect(series.map((p) => p.period)).toEqual([2022, 2023, 2024, 2025]);
    expect(series[0]?.position).toBe(1);
    expect(series[1]?.position).toBe(0);
    expect(series[2]?.position).toBeCloseTo(8 / 62);
    expect(series[3]?.position).toBeCloseTo(13 / 33);
  });
});

describe('change from the year before', () => {
  const point = (period: number, rank: number, rankOf: number, value: number) => ({ period, rank, rankOf, value, position: (rank - 1) / (rankOf - 1) });

  it('counts places when both years ranked the same provinces', () => {
    expect(describeChange(point(2024, 9, 63, 90.75), point(2023, 19, 63, 88.14), 'higher-is-better')).toMatchObject({
      kind: 'up',
      places: 10,
      previousPeriod: 2023,
      previousRank: 19,
      previousOf: 63,
    });
    expect(describeChange(point(2023, 19, 63, 88), point(2022, 19, 63, 83), 'higher-is-better')).toMatchObject({ kind: 'same', places: 0 });
    const down = describeChange(point(2022, 19, 63, 83.05), point(2021, 14, 63, 87.09), 'higher-is-better');
    expect(down).toMatchObject({ kind: 'down', places: 5 });
    expect(down.kind !== 'none' && down.valueDelta).toBeCloseTo(-4.04);
  });

  it('compares the position, not places, when the field changed from 63 to 34', () => {
    const change = describeChange(point(2025, 14, 34, 89.58), point(2024, 9, 63, 90.75), 'higher-is-better');
    expect(change.kind).toBe('different-field');
    if (change.kind !== 'different-field') return;
    expect(change).toMatchObject({ previousRank: 9, previousOf: 63, rankOf: 34, previousPeriod: 2024 });
    expect(change.positionDelta).toBeCloseTo((8 / 62 - 13 / 33) * 100);
    expect(change.positionDelta).toBeLessThan(0);
    expect('places' in change).toBe(false);
  });

  it('reads a lower value as better when the index says so', () => {
    const change = describeChange(point(2024, 5, 63, 10), point(2023, 9, 63, 12), 'lower-is-better');
    expect(change.kind !== 'none' && change.valueDelta).toBe(2);
  });

  it('says nothing without an earlier year', () => {
    expect(describeChange(point(2016, 4, 63, 79), null, 'higher-is-better')).toEqual({ kind: 'none' });
    expect(describeChange(null, point(2016, 4, 63, 79), 'higher-is-better')).toEqual({ kind: 'none' });
  });
});

describe('the standing of one year', () => {
  const rows = [
    row(2024, 1, 63, 96, { name: 'Huế' }),
    row(2024, 9, 63, 90, { own: true, province: 'own', name: 'Sông Mẫu' }),
    row(2024, 20, 63, 84),
    row(2025, 1, 34, 95.5, { name: 'Huế', region: 'Bắc Trung Bộ' }),
    row(2025, 14, 34, 89.5, { own: true, province: 'own', name: 'Sông Mẫu' }),
    row(2025, 20, 34, 80, { name: 'Đắk Lắk' }),
  ];

  it('gathers value, field, average, best, region and change', () => {
    const s = nationalStanding(rows, 2025, 'higher-is-better');
    expect(s.fieldSize).toBe(34);
    expect(s.own?.rank).toBe(14);
    expect(s.position).toBeCloseTo(13 / 33);
    expect(s.average).toBeCloseTo((95.5 + 89.5 + 80) / 3);
    expect(s.gapToAverage).toBeCloseTo(89.5 - 88.333, 2);
    expect(s.best?.rows.map((r) => r.name)).toEqual(['Huế']);
    expect(s.gapToBest).toBe(-6);
    expect(s.region).toMatchObject({ rank: 1, of: 2, region: 'Tây Nguyên' });
    expect(s.change.kind).toBe('different-field');
  });

  it('has no change in the first year of the table', () => {
    expect(nationalStanding(rows, 2024, 'higher-is-better').change).toEqual({ kind: 'none' });
  });

  it('compares with the latest earlier year the province was ranked, in places within one field', () => {
    const older = [...rows, row(2022, 12, 63, 85, { own: true, province: 'own' })].filter((r) => !(r.own && r.period === 2024));
    expect(nationalStanding([...older, row(2023, 3, 63, 91, { own: true, province: 'own' })], 2023, 'higher-is-better').change).toMatchObject({
      kind: 'up',
      places: 9,
      previousPeriod: 2022,
    });
  });

  it('has no own figures in a year the province is missing, and still the others', () => {
    const s = nationalStanding(rows.filter((r) => !(r.own && r.period === 2025)), 2025, 'higher-is-better');
    expect(s.own).toBeNull();
    expect(s.position).toBeNull();
    expect(s.gapToBest).toBeNull();
    expect(s.region).toBeNull();
    expect(s.change).toEqual({ kind: 'none' });
    expect(s.best?.value).toBe(95.5);
  });
});
