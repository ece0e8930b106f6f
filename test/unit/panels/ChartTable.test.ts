import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ChartTable from '../../../src/components/ChartTable.vue';
import type { ChartTableData } from '../../../src/components/chartTable';
import { createAppI18n } from '../../../src/i18n';

const table: ChartTableData = {
  caption: 'Xếp hạng Xã theo PAR INDEX 2025',
  columns: [
    { key: 'unit', label: 'Đơn vị' },
    { key: 'rank', label: 'Hạng', numeric: true },
    { key: 'value', label: 'Giá trị', numeric: true },
  ],
  rows: [
    { key: '1', cells: ['Xã Buôn Glong', 1, '98,51'] },
    { key: '2', cells: ['<img src=x onerror="window.__xss=1">', 2, '85,50'], highlight: true },
    { key: '3', cells: ['Xã Cư Mgar', null, null] },
  ],
  highlightNote: 'tỉnh nhà',
};

function render(locale: 'vi' | 'en' = 'vi') {
  return mount(ChartTable, { props: { table }, global: { plugins: [createAppI18n(locale)] } });
}

describe('chart table', () => {
  it('is a real table with a caption, column headers and each row named by its first cell', () => {
    const w = render();
    const el = w.get('table[data-chart-table]');
    expect(el.get('caption').text()).toBe('Xếp hạng Xã theo PAR INDEX 2025');
    expect(el.findAll('thead th').map((th) => [th.attributes('scope'), th.text()])).toEqual([
      ['col', 'Đơn vị'],
      ['col', 'Hạng'],
      ['col', 'Giá trị'],
    ]);
    const rows = el.findAll('tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.get('th').attributes('scope'))).toEqual(['row', 'row', 'row']);
    expect(rows[0]!.get('th').text()).toBe('Xã Buôn Glong');
  });

  it('shows numbers as text, right-aligned in tabular figures', () => {
    const cells = render().findAll('tbody tr')[0]!.findAll('td');
    expect(cells.map((c) => c.text())).toEqual(['1', '98,51']);
    expect(cells.every((c) => c.classes('chart-table-num'))).toBe(true);
  });

  it('says "no value" in words where a cell is empty', () => {
    const empty = render().findAll('tbody tr')[2]!.findAll('td')[1]!;
    expect(empty.get('[aria-hidden="true"]').text()).toBe('—');
    expect(empty.get('.visually-hidden').text()).toBe('không có số liệu');
    expect(render('en').findAll('tbody tr')[2]!.findAll('td')[1]!.text()).toContain('no value');
  });

  it('marks the highlighted row with a word, not only with weight or colour', () => {
    const row = render().findAll('tbody tr')[1]!;
    expect(row.classes('chart-table-highlight')).toBe(true);
    expect(row.get('th').text()).toContain('(tỉnh nhà)');
    expect(render().findAll('tbody tr')[0]!.text()).not.toContain('tỉnh nhà');
  });

  it('renders feed strings as text, never as markup', () => {
    const w = render();
    expect(w.find('img').exists()).toBe(false);
    expect(w.findAll('tbody tr')[1]!.get('th').text()).toContain('<img src=x onerror="window.__xss=1">');
  });

  it('scrolls inside a focusable region named apart from its panel', () => {
    const region = render().get('.chart-table-scroll');
    expect(region.attributes('role')).toBe('region');
    expect(region.attributes('tabindex')).toBe('0');
    expect(region.attributes('aria-label')).toBe('Vùng cuộn: Xếp hạng Xã theo PAR INDEX 2025');
  });
});
