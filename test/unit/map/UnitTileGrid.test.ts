import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../../../src/i18n';
import UnitTileGrid from '../../../src/panels/UnitTileGrid.vue';
import { chartPalette } from '../../../src/charts/palette';
import { tileGridLayout } from '../../../src/domain/tileGrid';
import { noDataColor, sequentialColor } from '../../../src/domain/colorScale';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A CSS colour as #rrggbb, whether the DOM keeps it as written or as rgb(). */
function hex(css: string): string {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(css);
  return m ? `#${m.slice(1).map((c) => Number(c).toString(16).padStart(2, '0')).join('')}` : css.toLowerCase();
}

function grid(locale: 'vi' | 'en' = 'vi', selected: string | null = null) {
  const layout = tileGridLayout([
    { code: 'A', centroid: [107.1, 13.9] },
    { code: 'B', centroid: [107.9, 13.9] },
    { code: 'C', centroid: [107.1, 13.1] },
    { code: 'D', centroid: [107.9, 13.1] },
  ]);
  return mount(UnitTileGrid, {
    props: {
      layout,
      values: new Map([['A', 70], ['B', 90], ['C', 80]]),
      names: new Map([['A', 'Xã An Hưng'], ['B', HOSTILE], ['C', 'Phường Ba'], ['D', 'Xã Bốn']]),
      shortNames: new Map([['A', 'An Hưng']]),
      domain: [70, 90] as [number, number],
      format: (v: number) => `${v},0`,
      palette: chartPalette('dark'),
      theme: 'dark' as const,
      fontSize: 16,
      label: 'Chỉ số PAR theo xã',
      selected,
    },
    global: { plugins: [createAppI18n(locale)] },
  });
}

describe('unit tile grid', () => {
  it('draws every unit as a button with its name and value as text, north-west first', () => {
    const w = grid();
    const buttons = w.findAll('button');
    expect(buttons.map((b) => b.attributes('data-unit'))).toEqual(['A', 'B', 'C', 'D']);
    expect(buttons[0]!.text()).toContain('An Hưng');
    expect(buttons[0]!.text()).toContain('70,0');
    expect(buttons[2]!.text()).toContain('Phường Ba');
    expect(buttons[2]!.text()).toContain('80,0');
    expect(buttons[0]!.attributes('aria-label')).toBe('Xã An Hưng: 70,0');
    expect(buttons[0]!.attributes('style')).toContain('grid-row: 1');
    expect(buttons[3]!.attributes('style')).toContain('grid-column: 2');
    expect(w.find('[role="group"]').attributes('aria-label')).toBe('Chỉ số PAR theo xã');
  });

  it('colours tiles by value on the ramp, with text that contrasts', () => {
    const w = grid();
    const style = (code: string) => w.find(`[data-unit="${code}"]`).element as HTMLElement;
    expect(hex(style('A').style.backgroundColor)).toBe(sequentialColor(0, 'dark'));
    expect(hex(style('C').style.backgroundColor)).toBe(sequentialColor(0.5, 'dark'));
    expect(hex(style('B').style.backgroundColor)).toBe(sequentialColor(1, 'dark'));
    expect(hex(style('B').style.color)).toBe('#000000');
    expect(hex(style('A').style.color)).toBe('#ffffff');
  });

  it('shows a unit without a value as "—" on the no-data grey, and says so', () => {
    const w = grid();
    const d = w.find('[data-unit="D"]');
    expect(d.text()).toContain('—');
    expect(d.classes()).toContain('tile-empty');
    expect(d.attributes('aria-label')).toBe('Xã Bốn: Không có số liệu');
    expect(hex((d.element as HTMLElement).style.backgroundColor)).toBe(noDataColor('dark'));
    expect(w.find('.tile-legend').text()).toContain('Không có số liệu');
    expect(grid('en').find('[data-unit="D"]').attributes('aria-label')).toBe('Xã Bốn: No data');
  });

  it('emits the code of the tile clicked', async () => {
    const w = grid();
    await w.find('[data-unit="C"]').trigger('click');
    await w.find('[data-unit="A"]').trigger('click');
    expect(w.emitted('pick')).toEqual([['C'], ['A']]);
  });

  it('marks the selected unit', () => {
    const w = grid('vi', 'B');
    expect(w.find('[data-unit="B"]').attributes('aria-pressed')).toBe('true');
    expect(w.find('[data-unit="B"]').classes()).toContain('tile-selected');
    expect(w.find('[data-unit="A"]').attributes('aria-pressed')).toBe('false');
  });

  it('renders feed names as text, never as markup', () => {
    const w = grid();
    expect(w.find('img').exists()).toBe(false);
    expect(w.find('[data-unit="B"]').text()).toContain(HOSTILE);
    expect(w.find('[data-unit="B"]').attributes('aria-label')).toBe(`${HOSTILE}: 90,0`);
  });

  it('shows the domain\'s ends in its legend', () => {
    expect(grid().find('.tile-legend').text()).toMatch(/70,0.*90,0/);
  });
});
