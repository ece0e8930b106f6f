import { describe, expect, it } from 'vitest';
import { chartPalette } from '../../../src/charts/palette';
import { compareStyle } from '../../../src/domain/compareColours';
import { formatPercent, formatValue, type Locale } from '../../../src/domain/format';
import { createAppI18n } from '../../../src/i18n';
import type { Translate } from '../../../src/i18n/translate';
import { rankingBarsOption } from '../../../src/panels/rankingBarsOption';
import { rankingBarsTable } from '../../../src/panels/rankingBarsTable';
import { unitMapTable } from '../../../src/panels/unitMapTable';
import { trendOption, type TrendSeries } from '../../../src/panels/trendOption';
import { trendTable } from '../../../src/panels/trendTable';
import { componentCompareOption } from '../../../src/panels/componentCompareOption';
import { compareRadarOption } from '../../../src/panels/compareRadarOption';
import { componentsTable } from '../../../src/panels/componentsTable';
import { nationalMovementTable } from '../../../src/panels/nationalMovementTable';

/* eslint-disable @typescript-eslint/no-explicit-any */
const palette = chartPalette('dark');
const scale = { min: 0, max: 100, unit: 'points' as const, decimals: 2 };
const translate = (locale: Locale): Translate => {
  const i18n = createAppI18n(locale);
  return (key, named) => i18n.global.t(key, named ?? {});
};
const fmt = (locale: Locale) => (v: number) => formatValue(v, scale, locale);
const rowKeys = (table: { rows: { key: string }[] }) => table.rows.map((r) => r.key);

describe('ranking bars as a table', () => {
  const rows = [
    { code: 'b', name: 'Xã Bình Minh', value: 80, rank: 2 },
    { code: 'a', name: 'Phường An Lạc', value: 98.51, rank: 1 },
    { code: 'c', name: 'Xã Cẩm Tú', value: 80, rank: 2 },
    { code: 'd', name: 'Xã Đông Sơn', value: 81.2, rank: null },
  ];
  const option = rankingBarsOption({ rows, average: null, averageLabel: '', format: fmt('vi'), min: 0, max: 100, palette, fontSize: 14 }) as any;

  it('lists the units in the bars\' order, best first, with rank and value in Vietnamese notation', () => {
    const table = rankingBarsTable({ rows, caption: 'Xếp hạng Xã theo PAR INDEX 2025', format: fmt('vi'), t: translate('vi') });
    expect(rowKeys(table)).toEqual(option.series[0].data.map((d: { name: string }) => d.name));
    expect(table.caption).toBe('Xếp hạng Xã theo PAR INDEX 2025');
    expect(table.columns.map((c) => c.label)).toEqual(['Đơn vị', 'Hạng', 'Giá trị']);
    expect(table.columns.map((c) => c.numeric ?? false)).toEqual([false, true, true]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Phường An Lạc', 1, '98,51'],
      ['Xã Bình Minh', 2, '80,00'],
      ['Xã Cẩm Tú', 2, '80,00'],
      ['Xã Đông Sơn', null, '81,20'],
    ]);
  });

  it('marks the own province in words, in English too', () => {
    const table = rankingBarsTable({ rows, caption: 'PAR INDEX 2025', format: fmt('en'), highlight: 'c', t: translate('en') });
    expect(table.columns.map((c) => c.label)).toEqual(['Unit', 'Rank', 'Value']);
    expect(table.rows.filter((r) => r.highlight).map((r) => r.cells[0])).toEqual(['Xã Cẩm Tú']);
    expect(table.highlightNote).toBe('our province');
    expect(table.rows[0]?.cells[2]).toBe('98.51');
  });
});

describe('the map as a table', () => {
  const names = new Map([
    ['1', 'Xã Ea Tir'],
    ['2', 'Xã Buôn Glong'],
    ['3', 'Phường Tân An'],
    ['4', 'Xã Ân Phú'],
    ['5', 'Xã Cư Mgar'],
  ]);
  const values = new Map([
    ['1', 85.5],
    ['2', 98.51],
    ['3', 85.5],
    ['4', 81.2],
  ]);

  it('goes by rank, ties sharing one and ordered by name, the units without a value last', () => {
    const table = unitMapTable({ codes: ['1', '2', '3', '4', '5'], values, names, caption: 'Bản đồ', format: fmt('vi'), selected: '3', t: translate('vi') });
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Xã Buôn Glong', 1, '98,51'],
      ['Phường Tân An', 2, '85,50'],
      ['Xã Ea Tir', 2, '85,50'],
      ['Xã Ân Phú', 4, '81,20'],
      ['Xã Cư Mgar', null, null],
    ]);
    expect(table.rows.find((r) => r.highlight)?.key).toBe('3');
    expect(table.highlightNote).toBe('đang chọn');
  });

  it('ranks the lowest first where lower is better', () => {
    const table = unitMapTable({ codes: ['1', '2', '4'], values, names, direction: 'lower-is-better', caption: 'Map', format: fmt('en'), t: translate('en') });
    expect(rowKeys(table)).toEqual(['4', '1', '2']);
    expect(table.rows[0]?.cells).toEqual(['Xã Ân Phú', 1, '81.20']);
  });
});

describe('a trend as a table', () => {
  const series: TrendSeries[] = [
    {
      id: 'unit',
      name: 'Xã Buôn Glong',
      emphasis: true,
      points: [
        { period: 2023, value: 80.1, remapped: true },
        { period: 2024, value: 82.3, remapped: true },
        { period: 2025, value: 84.75 },
      ],
    },
    { id: 'mean', name: 'Bình quân các đơn vị', points: [{ period: 2022, value: 79 }, { period: 2024, value: 81 }, { period: 2025, value: 83 }] },
  ];
  const markers = [{ period: 2025, label: 'Sắp xếp ĐVHC' }];
  const option = trendOption({ series, from: 2022, to: 2025, markers, format: fmt('vi'), palette, fontSize: 14, remappedLabel: 'quy đổi' }) as any;

  it('has a row per year in the axis\' order and a column per series in the legend\'s order', () => {
    const table = trendTable({ series, from: 2022, to: 2025, markers, caption: 'PAR INDEX qua các năm', format: fmt('vi'), t: translate('vi') });
    expect(rowKeys(table)).toEqual(option.xAxis.data);
    const drawn = option.series.filter((s: { id: string }) => !s.id.endsWith('-remapped')).map((s: { name: string }) => s.name);
    expect(table.columns.slice(1, 3).map((c) => c.label)).toEqual(drawn);
    expect(table.columns.map((c) => c.label)).toEqual(['Năm', 'Xã Buôn Glong', 'Bình quân các đơn vị', 'Ghi chú']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      [2022, null, '79,00', ''],
      [2023, '80,10 (quy đổi)', null, ''],
      [2024, '82,30 (quy đổi)', '81,00', ''],
      [2025, '84,75', '83,00', 'Sắp xếp ĐVHC'],
    ]);
  });

  it('leaves out the note column when no marker falls on a year shown, and years outside the range', () => {
    const table = trendTable({ series, from: 2024, to: 2025, markers: [{ period: 2016, label: 'x' }], caption: 'Trend', format: fmt('en'), t: translate('en') });
    expect(table.columns.map((c) => c.label)).toEqual(['Year', 'Xã Buôn Glong', 'Bình quân các đơn vị']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      [2024, '82.30 (re-mapped)', '81.00'],
      [2025, '84.75', '83.00'],
    ]);
  });
});

describe('component charts as tables', () => {
  const components = [
    { id: 'a', name: 'Công tác chỉ đạo, điều hành', max: 10 },
    { id: 'b', name: 'Cải cách thể chế', max: 8 },
    { id: 'c', name: 'Hiện đại hóa hành chính', max: 16 },
  ];
  const series = [
    { id: 'unit', name: 'Xã A', values: new Map([['a', 9], ['b', 4], ['c', 12]]) },
    { id: 'average', name: 'Bình quân tỉnh', values: new Map([['a', 7.5], ['c', 10]]) },
  ];

  it('lists the components top to bottom as the bars read, with the maxima and a column per series', () => {
    const option = componentCompareOption({ components, series, format: (v) => String(v), palette, fontSize: 14 }) as any;
    const format = (v: number) => formatValue(v, scale, 'vi');
    const table = componentsTable({ components, series, caption: 'Thành phần', cell: format, max: format, t: translate('vi') });
    // The category axis draws its first entry at the bottom: read top to bottom it is reversed.
    expect(table.rows.map((r) => r.cells[0])).toEqual([...option.yAxis.data].reverse());
    expect(table.columns.map((c) => c.label)).toEqual(['Thành phần', 'Tối đa', 'Xã A', 'Bình quân tỉnh']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Công tác chỉ đạo, điều hành', '10,00', '9,00', '7,50'],
      ['Cải cách thể chế', '8,00', '4,00', null],
      ['Hiện đại hóa hành chính', '16,00', '12,00', '10,00'],
    ]);
  });

  it('gives the radar\'s shares of each maximum, clockwise from the top as its axes', () => {
    const styled = series.map((s, i) => ({ ...s, style: compareStyle(i, 'dark') }));
    const option = compareRadarOption({ components, series: styled, palette, fontSize: 14 }) as any;
    const table = componentsTable({ components, series: styled, caption: 'Radar', cell: (v, max) => formatPercent((v / max) * 100, 'en'), t: translate('en') });
    expect(table.rows.map((r) => r.cells[0])).toEqual(option.radar.indicator.map((i: { name: string }) => i.name.replace(/\n/g, ' ')));
    expect(table.columns.map((c) => c.label)).toEqual(['Component', 'Xã A', 'Bình quân tỉnh']);
    expect(table.rows[0]?.cells).toEqual(['Công tác chỉ đạo, điều hành', '90.0\u00a0%', '75.0\u00a0%']);
    expect(table.rows[1]?.cells).toEqual(['Cải cách thể chế', '50.0\u00a0%', null]);
  });
});

describe('the national movement as a table', () => {
  const points = [
    { period: 2025, rank: 14, rankOf: 34, position: 13 / 33, value: 86.9 },
    { period: 2023, rank: 19, rankOf: 63, position: 18 / 62, value: 84.12 },
    { period: 2024, rank: 9, rankOf: 63, position: 8 / 62, value: 88.37 },
  ];

  it('has a row per year, oldest first, with score, rank among the field and position, the year on screen marked', () => {
    const table = nationalMovementTable({
      points,
      markers: [{ period: 2025, label: '34 tỉnh từ 2025' }],
      current: 2024,
      caption: 'Vị trí qua các năm',
      format: fmt('vi'),
      percent: (v) => formatPercent(v, 'vi', 0),
      t: translate('vi'),
    });
    expect(table.columns.map((c) => c.label)).toEqual(['Năm', 'Điểm', 'Hạng', 'Từ đầu bảng', 'Ghi chú']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      [2023, '84,12', '19/63', '29\u00a0%', ''],
      [2024, '88,37', '9/63', '13\u00a0%', ''],
      [2025, '86,90', '14/34', '39\u00a0%', '34 tỉnh từ 2025'],
    ]);
    expect(table.rows.filter((r) => r.highlight).map((r) => r.key)).toEqual(['2024']);
    expect(table.highlightNote).toBe('năm đang xem');
  });
});
