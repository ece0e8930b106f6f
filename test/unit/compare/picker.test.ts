import { describe, expect, it } from 'vitest';
import { mount, RouterLinkStub } from '@vue/test-utils';
import CompareUnitPicker from '../../../src/pages/compare/CompareUnitPicker.vue';
import HeatTable, { type HeatTableRow } from '../../../src/panels/HeatTable.vue';
import { createAppI18n } from '../../../src/i18n';
import { compareStyle } from '../../../src/domain/compareColours';
import { columnDomains, parseSort } from '../../../src/panels/heatTable';

const options = [
  { code: '74001', names: ['Phường Thủ Dầu Một'], name: 'Phường Thủ Dầu Một', kind: 'Phường', levelName: 'Cấp xã' },
  { code: '74002', names: ['Xã Thủ Đức'], name: 'Xã Thủ Đức', kind: 'Xã', levelName: 'Cấp xã' },
];
const global = { plugins: [createAppI18n('vi')], stubs: { RouterLink: RouterLinkStub } };

function picker(compared: { code: string; name: string }[] = []) {
  return mount(CompareUnitPicker, {
    props: { options, compared: compared.map((u, i) => ({ ...u, style: compareStyle(i, 'dark') })), max: 2, levelName: 'Cấp xã', year: 2025 },
    global,
  });
}

describe('the unit search (combobox)', () => {
  it('lists matches for a query without diacritics, with kind and level, and adds the chosen one with the keyboard', async () => {
    const w = picker();
    const input = w.get('input[role="combobox"]');
    await input.setValue('thu');
    expect(input.attributes('aria-expanded')).toBe('true');
    const items = w.findAll('[role="option"]');
    expect(items.map((o) => o.find('.picker-name').text())).toEqual(['Xã Thủ Đức', 'Phường Thủ Dầu Một']);
    expect(items[1]?.text()).toContain('Phường · Cấp xã · 74001');
    expect(input.attributes('aria-activedescendant')).toBe(items[0]?.attributes('id'));
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(input.attributes('aria-activedescendant')).toBe(items[1]?.attributes('id'));
    expect(items[1]?.attributes('aria-selected')).toBe('true');
    await input.trigger('keydown', { key: 'Enter' });
    expect(w.emitted('add')).toEqual([['74001']]);
    expect((input.element as HTMLInputElement).value).toBe('');
  });

  it('will not add a seventh (here: third) unit, and its Add button says why', async () => {
    const w = picker([{ code: '1', name: 'A' }, { code: '2', name: 'B' }]);
    await w.get('input').setValue('thu');
    const add = w.get('button.picker-add');
    expect(add.attributes('disabled')).toBeDefined();
    expect(add.text()).toBe('Đã đủ 2 đơn vị');
    await w.get('input').trigger('keydown', { key: 'Enter' });
    expect(w.emitted('add')).toBeUndefined();
    expect(w.findAll('[role="option"]')[0]?.attributes('aria-disabled')).toBe('true');
  });

  it('removes a compared unit from its chip', async () => {
    const w = picker([{ code: '74001', name: 'Phường Thủ Dầu Một' }]);
    await w.get('button[aria-label="Bỏ Phường Thủ Dầu Một khỏi so sánh"]').trigger('click');
    expect(w.emitted('remove')).toEqual([['74001']]);
  });
});

describe('the heat table', () => {
  const columns = [{ key: 'par', label: 'PAR INDEX 2025', group: null, scale: { min: 0, max: 100 }, format: (v: number) => v.toFixed(2).replace('.', ',') }];
  const rows: HeatTableRow[] = [
    { code: '1', name: 'Xã A', values: { par: 80 }, to: '/unit/1', compared: compareStyle(0, 'dark') },
    { code: '2', name: 'Xã B', values: {}, to: '/unit/2', compared: null },
  ];
  const table = (sort = 'par') =>
    mount(HeatTable, {
      props: { columns, rows, sort: parseSort(sort, ['par']), domains: columnDomains(columns, rows), theme: 'dark' as const, fullReason: null, caption: 'Bảng nhiệt' },
      global,
    });

  it('shows each value as text on its colour, a dash where there is none, and aria-sort on the sorted column', () => {
    const w = table('-par');
    const cells = w.findAll('tbody td');
    expect(cells.map((c) => c.text())).toEqual(['80,00', '—']);
    expect(cells[0]?.attributes('style')).toMatch(/background/);
    expect(w.get('th[data-column="par"]').attributes('aria-sort')).toBe('descending');
    expect(w.get('th.heat-corner').attributes('aria-sort')).toBeUndefined();
  });

  it('emits a sort from a header, a toggle from + / −, and an open from a click on the row', async () => {
    const w = table();
    await w.get('th[data-column="par"] button').trigger('click');
    expect(w.emitted('sort')).toEqual([['par']]);
    await w.get('tr[data-unit="2"] button').trigger('click');
    expect(w.emitted('toggle')).toEqual([['2']]);
    expect(w.emitted('open')).toBeUndefined();
    await w.get('tr[data-unit="2"] td').trigger('click');
    expect(w.emitted('open')).toEqual([['2']]);
    expect(w.get('tr[data-unit="1"] button').attributes('aria-pressed')).toBe('true');
  });
});
