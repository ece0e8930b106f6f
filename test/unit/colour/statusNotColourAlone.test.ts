import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ServiceUnitTable, { type ServiceUnitRow } from '../../../src/panels/ServiceUnitTable.vue';
import ServiceKpiSummary from '../../../src/panels/ServiceKpiSummary.vue';
import { createAppI18n } from '../../../src/i18n';

/** States that had only a colour now carry an icon (hidden from screen readers) and a word. */
const rows: ServiceUnitRow[] = [
  { code: '1', name: 'Xã An', cells: [{ kpi: 'onTime', value: 71, band: 'alert' }], overdue: 4, worst: 'alert' },
  { code: '2', name: 'Xã Bình', cells: [{ kpi: 'onTime', value: 88, band: 'warn' }], overdue: 0, worst: 'warn' },
  { code: '3', name: 'Xã Cát', cells: [{ kpi: 'onTime', value: 97, band: 'ok' }], overdue: 2, worst: 'ok' },
];

function table(kpis: { id: string; name: string; alertBelow: number | null }[]) {
  return mount(ServiceUnitTable, {
    props: { rows, kpis, maxRows: 10, more: (n: number) => `${n} more` },
    global: { plugins: [createAppI18n('en')] },
  });
}

describe('service unit table', () => {
  it('marks overdue files with the warning icon, not only with the warning colour', () => {
    const w = table([]);
    const cells = w.findAll('tbody tr').map((r) => r.findAll('td').at(-1)!);
    expect(cells[0]!.classes()).toContain('cell--warn');
    expect(cells[0]!.find('[aria-hidden="true"]').text()).toBe('!');
    expect(cells[1]!.find('[aria-hidden="true"]').exists()).toBe(false);
  });

  it('in the plain list, names a unit in breach or on watch with an icon and a word before its name', () => {
    const names = table([]).findAll('tbody th');
    expect(names[0]!.find('[aria-hidden="true"]').text()).toBe('✖');
    expect(names[0]!.find('.visually-hidden').text()).toBe('Below threshold:');
    expect(names[0]!.text()).toContain('Xã An');
    expect(names[1]!.find('[aria-hidden="true"]').text()).toBe('!');
    expect(names[1]!.find('.visually-hidden').text()).toBe('Watch:');
    // A unit that is fine has no mark and no word, only the mark's place, so that the names line up.
    expect(names[2]!.find('[aria-hidden="true"]').text()).toBe('');
    expect(names[2]!.find('.visually-hidden').exists()).toBe(false);
  });

  it('with KPI columns, leaves the mark to the cells, which have an icon and a word each', () => {
    const w = table([{ id: 'onTime', name: 'On time', alertBelow: 80 }]);
    expect(w.findAll('tbody th')[0]!.find('[aria-hidden="true"]').exists()).toBe(false);
    const cell = w.findAll('tbody tr')[0]!.findAll('td')[0]!;
    expect(cell.find('.cell-icon').text()).toBe('✖');
    expect(cell.find('.visually-hidden').text()).toBe('Below threshold');
  });
});

describe('service KPI summary', () => {
  it('names the state of each unit in breach in words as well as by its icon', () => {
    const w = mount(ServiceKpiSummary, {
      props: {
        tiles: [],
        counts: null,
        breaches: [
          { unit: '1', unitName: 'Xã An', kpiName: 'On time', value: 71, band: 'alert' as const },
          { unit: '2', unitName: 'Xã Bình', kpiName: 'On time', value: 84, band: 'warn' as const },
        ],
      },
      global: { plugins: [createAppI18n('en')] },
    });
    const items = w.findAll('.services-breaches li');
    expect(items[0]!.text()).toContain('Below threshold');
    expect(items[0]!.find('[aria-hidden="true"]').text()).toBe('✖');
    expect(items[1]!.text()).toContain('Watch');
  });
});
