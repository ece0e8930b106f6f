import { describe, expect, it } from 'vitest';
import { formatPercent, formatValue, type Locale } from '../../../src/domain/format';
import { seriesFacts } from '../../../src/domain/seriesFacts';
import { createAppI18n } from '../../../src/i18n';
import type { Translate } from '../../../src/i18n/translate';
import { rankingBarsSummary } from '../../../src/panels/rankingBarsSummary';
import { unitMapSummary } from '../../../src/panels/unitMapSummary';
import { trendSummary } from '../../../src/panels/trendSummary';
import { componentsSummary } from '../../../src/panels/componentsSummary';
import { nationalMovementSummary } from '../../../src/panels/nationalMovementSummary';
import { sparklineSummary } from '../../../src/panels/sparklineSummary';

const scale = { min: 0, max: 100, unit: 'points' as const, decimals: 2 };
const translate = (locale: Locale): Translate => {
  const i18n = createAppI18n(locale);
  return (key, named) => i18n.global.t(key, named ?? {});
};
const fmt = (locale: Locale) => (v: number) => formatValue(v, scale, locale);

const ranking = [
  { code: '2', name: 'Xã Ea Tir', value: 85.5, rank: 2 },
  { code: '1', name: 'Xã Buôn Glong', value: 98.51, rank: 1 },
  { code: '3', name: 'Phường Tân An', value: 81.2, rank: 3 },
];

describe('chart summaries for screen readers', () => {
  it('say what a ranking shows and name its first and last units, in Vietnamese', () => {
    expect(rankingBarsSummary({ rows: ranking, what: 'Xếp hạng PAR INDEX 2025', format: fmt('vi'), t: translate('vi') })).toBe(
      'Xếp hạng PAR INDEX 2025 (3 đơn vị): đứng đầu Xã Buôn Glong 98,51; đứng cuối Phường Tân An 81,20.',
    );
  });

  it('say the same in English, with the own province\'s rank', () => {
    expect(rankingBarsSummary({ rows: ranking, what: 'PAR INDEX 2025 ranking', format: fmt('en'), highlight: '2', t: translate('en') })).toBe(
      'PAR INDEX 2025 ranking (3 units): first Xã Buôn Glong 98.51; last Phường Tân An 81.20. Xã Ea Tir: rank 2, 85.50.',
    );
    expect(rankingBarsSummary({ rows: [], what: 'Ranking', format: fmt('en'), t: translate('en') })).toBe('Ranking: no figures yet.');
  });

  it('name a map\'s first and last units and count those without a value', () => {
    const values = new Map(ranking.map((r) => [r.code, r.value]));
    const names = new Map([...ranking.map((r) => [r.code, r.name] as const), ['4', 'Xã Cư Mgar']]);
    const input = { codes: ['1', '2', '3', '4'], values, names };
    expect(unitMapSummary({ ...input, what: 'Bản đồ Xã theo PAR INDEX 2025', format: fmt('vi'), t: translate('vi') })).toBe(
      'Bản đồ Xã theo PAR INDEX 2025 (3 đơn vị): đứng đầu Xã Buôn Glong 98,51; đứng cuối Phường Tân An 81,20. 1 đơn vị không có số liệu.',
    );
    expect(unitMapSummary({ ...input, what: 'Map', format: fmt('en'), t: translate('en') })).toBe(
      'Map (3 units): first Xã Buôn Glong 98.51; last Phường Tân An 81.20. Units without a value: 1.',
    );
  });

  it('give a trend\'s years, and each series\' first, last, highest and lowest', () => {
    const series = [
      { id: 'unit', name: 'Xã Buôn Glong', points: [{ period: 2023, value: 80.1 }, { period: 2024, value: 86 }, { period: 2025, value: 84.75 }] },
      { id: 'mean', name: 'Bình quân', points: [{ period: 2025, value: 83 }] },
    ];
    expect(trendSummary({ series, from: 2016, to: 2025, what: 'PAR INDEX qua các năm', format: fmt('vi'), t: translate('vi') })).toBe(
      'PAR INDEX qua các năm, 2023–2025. Xã Buôn Glong: năm 2023 80,10, năm 2025 84,75; cao nhất 86,00 (năm 2024), thấp nhất 80,10 (năm 2023). Bình quân: năm 2025 83,00.',
    );
    expect(trendSummary({ series, from: 2016, to: 2025, what: 'PAR INDEX over the years', format: fmt('en'), t: translate('en') })).toBe(
      'PAR INDEX over the years, 2023–2025. Xã Buôn Glong: 80.10 in 2023, 84.75 in 2025; highest 86.00 (2024), lowest 80.10 (2023). Bình quân: 83.00 in 2025.',
    );
  });

  it('name each series\' strongest and weakest component against its maximum', () => {
    const components = [
      { id: 'a', name: 'Chỉ đạo, điều hành', max: 10 },
      { id: 'b', name: 'Cải cách thể chế', max: 8 },
      { id: 'c', name: 'Hiện đại hóa', max: 16 },
    ];
    const series = [{ id: 'x', name: 'Xã A', values: new Map([['a', 9], ['b', 4], ['c', 12]]) }];
    expect(componentsSummary({ components, series, what: 'Thành phần PAR INDEX', percent: (v) => formatPercent(v, 'vi'), t: translate('vi') })).toBe(
      'Thành phần PAR INDEX: từng thành phần tính theo phần trăm điểm tối đa. Xã A: cao nhất Chỉ đạo, điều hành 90,0\u00a0%, thấp nhất Cải cách thể chế 50,0\u00a0%.',
    );
    expect(componentsSummary({ components, series, what: 'PAR INDEX components', percent: (v) => formatPercent(v, 'en'), t: translate('en') })).toBe(
      'PAR INDEX components: each component as a share of its maximum. Xã A: highest Chỉ đạo, điều hành 90.0\u00a0%, lowest Cải cách thể chế 50.0\u00a0%.',
    );
  });

  it('give the national movement\'s first and last ranks and its best and worst positions', () => {
    const points = [
      { period: 2023, rank: 19, rankOf: 63, position: 18 / 62 },
      { period: 2024, rank: 9, rankOf: 63, position: 8 / 62 },
      { period: 2025, rank: 14, rankOf: 34, position: 13 / 33 },
    ];
    expect(nationalMovementSummary({ points, what: 'Vị trí PCI', percent: (v) => formatPercent(v, 'vi', 0), t: translate('vi') })).toBe(
      'Vị trí PCI: năm 2023 hạng 19/63 (29\u00a0% từ đầu bảng), năm 2025 hạng 14/34 (39\u00a0%); vị trí tốt nhất năm 2024 (hạng 9/63), kém nhất năm 2025 (hạng 14/34).',
    );
    expect(nationalMovementSummary({ points: points.slice(1, 2), what: 'PCI position', percent: (v) => formatPercent(v, 'en', 0), t: translate('en') })).toBe(
      'PCI position: rank 9/63 in 2024 (13\u00a0% from the top).',
    );
  });

  it('put a headline tile\'s sparkline in words, skipping years without an edition', () => {
    const input = { name: 'PAR INDEX', values: [85, null, 83.5, 88.37], from: 2021 };
    expect(sparklineSummary({ ...input, format: fmt('vi'), t: translate('vi') })).toBe(
      'PAR INDEX: năm 2021 85,00, năm 2024 88,37; cao nhất 88,37 (năm 2024), thấp nhất 83,50 (năm 2023).',
    );
    expect(sparklineSummary({ ...input, format: fmt('en'), t: translate('en') })).toBe(
      'PAR INDEX: 85.00 in 2021, 88.37 in 2024; highest 88.37 (2024), lowest 83.50 (2023).',
    );
  });
});

describe('series facts', () => {
  it('find the first and last year and the highest and lowest value, the earlier year on a tie', () => {
    expect(seriesFacts([{ period: 2025, value: 3 }, { period: 2022, value: 5 }, { period: 2023, value: 5 }, { period: 2024, value: Number.NaN }])).toEqual({
      first: { period: 2022, value: 5 },
      last: { period: 2025, value: 3 },
      highest: { period: 2022, value: 5 },
      lowest: { period: 2025, value: 3 },
    });
    expect(seriesFacts([])).toBeNull();
  });
});
