import { describe, expect, it } from 'vitest';
import { mount, RouterLinkStub } from '@vue/test-utils';
import { h } from 'vue';
import PanelFrame from '../../../src/components/PanelFrame.vue';
import RankingBars from '../../../src/panels/RankingBars.vue';
import TrendChart from '../../../src/panels/TrendChart.vue';
import IndexHeadline from '../../../src/panels/IndexHeadline.vue';
import UnitTileGrid from '../../../src/panels/UnitTileGrid.vue';
import { tileGridLayout } from '../../../src/domain/tileGrid';
import { chartPalette } from '../../../src/charts/palette';
import { createAppI18n } from '../../../src/i18n';
import type { PanelState } from '../../../src/components/panelState';

// ECharts draws on a canvas, which happy-dom does not have: the vue-echarts component is stubbed, the wrapper's
// own markup (role, name, description) is what is checked.
const stubs = { RouterLink: RouterLinkStub, Echarts: true };
const palette = chartPalette('dark');
const scale = { min: 0, max: 100, unit: 'points' as const, decimals: 2 };
const rows = [
  { code: '3', name: 'Phường Tân An', value: 81.2, rank: 3 },
  { code: '1', name: 'Xã Buôn Glong', value: 98.51, rank: 1 },
  { code: '2', name: 'Xã Ea Tir', value: 85.5, rank: 2 },
];
const ready = (asOf = '2026-01-05T09:30:00+07:00'): PanelState => ({ status: 'ready', asOf, error: null, rejected: 0 });

function rankingPanel(locale: 'vi' | 'en' = 'vi', tableToggle = true) {
  return mount(PanelFrame, {
    props: { id: 'ranking', title: 'Xếp hạng Xã theo PAR INDEX 2025', state: ready(), tableToggle },
    slots: {
      default: ({ asTable }: { asTable: boolean }) =>
        h(RankingBars, { rows, scale, average: null, palette, fontSize: 14, label: 'Xếp hạng Xã theo PAR INDEX 2025', asTable }),
    },
    global: { plugins: [createAppI18n(locale)], stubs },
  });
}

describe('"show as table" on a chart panel', () => {
  it('is a button in the header that switches the chart for a table of the same data and back', async () => {
    const w = rankingPanel();
    const button = w.get('header button[data-table-toggle]');
    expect(button.text()).toBe('Bảng');
    expect(button.attributes('type')).toBe('button');
    expect(button.attributes('aria-pressed')).toBe('false');
    expect(w.find('.base-chart[role="img"]').exists()).toBe(true);
    expect(w.find('[data-chart-table]').exists()).toBe(false);

    await button.trigger('click');
    expect(button.attributes('aria-pressed')).toBe('true');
    expect(w.find('.base-chart').exists()).toBe(false);
    const table = w.get('table[data-chart-table]');
    expect(table.findAll('tbody th[scope="row"]').map((th) => th.text())).toEqual(['Xã Buôn Glong', 'Xã Ea Tir', 'Phường Tân An']);
    expect(table.findAll('tbody tr')[0]!.findAll('td').map((td) => td.text())).toEqual(['1', '98,51']);

    await button.trigger('click');
    expect(button.attributes('aria-pressed')).toBe('false');
    expect(w.find('[data-chart-table]').exists()).toBe(false);
    expect(w.find('.base-chart').exists()).toBe(true);
  });

  it('reads "Table" in English', () => {
    expect(rankingPanel('en').get('[data-table-toggle]').text()).toBe('Table');
  });

  it('keeps the reader\'s choice through a data refresh, stale or not', async () => {
    const w = rankingPanel();
    await w.get('[data-table-toggle]').trigger('click');
    await w.setProps({ state: { status: 'loading', asOf: null, error: null, rejected: 0 } });
    expect(w.find('[data-table-toggle]').exists()).toBe(false);
    await w.setProps({ state: ready('2026-01-05T10:30:00+07:00') });
    expect(w.get('[data-table-toggle]').attributes('aria-pressed')).toBe('true');
    expect(w.find('[data-chart-table]').exists()).toBe(true);
    await w.setProps({ state: { status: 'stale', asOf: '2026-01-05T10:30:00+07:00', error: { feed: 'observations', kind: 'timeout', message: '' }, rejected: 0 } });
    expect(w.find('[data-chart-table]').exists()).toBe(true);
  });

  it('is offered only by panels that ask for it, and leaves the frame\'s test surface as it was', () => {
    const w = rankingPanel('vi', false);
    expect(w.find('[data-table-toggle]').exists()).toBe(false);
    const section = w.get('section');
    expect(section.attributes('data-panel')).toBe('ranking');
    expect(section.attributes('data-status')).toBe('ready');
    expect(section.attributes('data-as-of')).toBe('2026-01-05T09:30:00+07:00');
  });
});

describe('the map panel as a table', () => {
  it('lists the tiles\' units by rank then name, the selected one said in words, the units without a value last', () => {
    const w = mount(UnitTileGrid, {
      props: {
        layout: tileGridLayout(['A', 'B', 'C', 'D'].map((code) => ({ code, centroid: null }))),
        values: new Map([['A', 80], ['B', 92.5], ['C', 80]]),
        names: new Map([['A', 'Xã Ea Tir'], ['B', 'Xã Buôn Glong'], ['C', 'Phường Tân An'], ['D', 'Xã Cư Mgar']]),
        domain: [70, 100] as [number, number],
        format: (v: number) => v.toFixed(1).replace('.', ','),
        theme: 'dark' as const,
        label: 'Bản đồ Xã theo PAR INDEX 2025',
        selected: 'C',
        asTable: true,
      },
      global: { plugins: [createAppI18n('vi')] },
    });
    expect(w.find('.tile-grid').exists()).toBe(false);
    const rows = w.get('table[data-chart-table]').findAll('tbody tr');
    expect(rows.map((r) => [r.get('th').text(), ...r.findAll('td').map((td) => td.text())])).toEqual([
      ['Xã Buôn Glong', '1', '92,5'],
      ['Phường Tân An (đang chọn)', '2', '80,0'],
      ['Xã Ea Tir', '2', '80,0'],
      ['Xã Cư Mgar', '—không có số liệu', '—không có số liệu'],
    ]);
  });
});

describe('a chart\'s summary for screen readers', () => {
  const describedText = (w: ReturnType<typeof mount>) => {
    const chart = w.get('.base-chart[role="img"]');
    const id = chart.attributes('aria-describedby');
    expect(id).toBeTruthy();
    const description = w.get(`[id="${id}"]`);
    expect(description.classes('visually-hidden')).toBe(true);
    return { name: chart.attributes('aria-label'), description: description.text() };
  };

  it('describes a ranking by its first and last units', () => {
    const w = mount(RankingBars, {
      props: { rows, scale, average: null, palette, fontSize: 14, label: 'Xếp hạng Xã theo PAR INDEX 2025' },
      global: { plugins: [createAppI18n('vi')], stubs },
    });
    expect(describedText(w)).toEqual({
      name: 'Xếp hạng Xã theo PAR INDEX 2025',
      description: 'Xếp hạng Xã theo PAR INDEX 2025 (3 đơn vị): đứng đầu Xã Buôn Glong 98,51; đứng cuối Phường Tân An 81,20.',
    });
  });

  it('describes a trend by its first and last years, highest and lowest, in English', () => {
    const w = mount(TrendChart, {
      props: {
        series: [{ id: 'p', name: 'Tỉnh Sông Mẫu', points: [{ period: 2023, value: 84.1 }, { period: 2024, value: 88.37 }, { period: 2025, value: 86.9 }] }],
        from: 2023,
        to: 2025,
        markers: [],
        format: (v: number) => v.toFixed(2),
        palette,
        fontSize: 14,
        label: 'Province PAR INDEX over the years',
      },
      global: { plugins: [createAppI18n('en')], stubs },
    });
    expect(describedText(w).description).toBe(
      'Province PAR INDEX over the years, 2023–2025. Tỉnh Sông Mẫu: 84.10 in 2023, 86.90 in 2025; highest 88.37 (2024), lowest 84.10 (2023).',
    );
  });

  it('names a headline tile\'s sparkline by its trend in words', () => {
    const w = mount(IndexHeadline, {
      props: {
        name: 'Chỉ số cải cách hành chính',
        shortName: 'PAR INDEX',
        scale,
        current: null,
        previous: null,
        series: [85, 86, null, 88.37],
        seriesFrom: 2021,
        seriesTo: 2024,
        breakIndex: null,
        target: null,
        selected: false,
      },
      global: { plugins: [createAppI18n('vi')], stubs },
    });
    const svg = w.get('svg.sparkline');
    expect(svg.attributes('role')).toBe('img');
    expect(svg.attributes('aria-hidden')).toBeUndefined();
    expect(svg.attributes('aria-label')).toBe('PAR INDEX: năm 2021 85,00, năm 2024 88,37; cao nhất 88,37 (năm 2024), thấp nhất 85,00 (năm 2021).');
  });
});
