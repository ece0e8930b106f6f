import { describe, expect, it } from 'vitest';
import { cellColours, columnDomains, nextSort, parseSort, sortHeatRows, type HeatColumn, type HeatRow } from '../../../src/panels/heatTable';
import { contrastRatio } from '../../../src/domain/colorScale';

const col = (key: string, max: number): HeatColumn => ({ key, label: key, group: null, scale: { min: 0, max }, format: String });
const rows: HeatRow[] = [
  { code: '1', name: 'Xã Bình An', values: { par: 88, 'par.direction': 9.1, dti: 0.61 } },
  { code: '2', name: 'Phường Ánh Dương', values: { par: 92.5, 'par.direction': 8.2 } },
  { code: '3', name: 'Xã Đông Hòa', values: { par: 88, 'par.direction': 9.9, dti: 0.72 } },
  { code: '4', name: 'Phường Cát Lợi', values: { par: 79.25, dti: 0.55 } },
];
const order = (key: string | null) => sortHeatRows(rows, parseSort(key, ['par', 'par.direction', 'dti'])).map((r) => r.code);

describe('sorting the heat table', () => {
  it('reads the sort from the URL: a key ascending, -key descending, anything else by name', () => {
    expect(parseSort('par', ['par'])).toEqual({ key: 'par', direction: 'ascending' });
    expect(parseSort('-par', ['par'])).toEqual({ key: 'par', direction: 'descending' });
    expect(parseSort('-name', ['par'])).toEqual({ key: 'name', direction: 'descending' });
    expect(parseSort('happiness', ['par'])).toEqual({ key: 'name', direction: 'ascending' });
    expect(parseSort(null, ['par'])).toEqual({ key: 'name', direction: 'ascending' });
  });

  it('sorts by a column either way, ties by name, units without a value last both ways', () => {
    expect(order('par')).toEqual(['4', '1', '3', '2']);
    expect(order('-par')).toEqual(['2', '1', '3', '4']);
    expect(order('dti')).toEqual(['4', '1', '3', '2']);
    expect(order('-dti')).toEqual(['3', '1', '4', '2']);
    expect(order('-par.direction')).toEqual(['3', '1', '2', '4']);
  });

  it('sorts names in Vietnamese order (Á after A, Đ after D)', () => {
    expect(order(null)).toEqual(['2', '4', '1', '3']);
    expect(order('-name')).toEqual(['3', '1', '4', '2']);
  });

  it('goes ascending on the first click of a column, then turns around on each click', () => {
    const start = parseSort(null, ['par']);
    expect(nextSort(start, 'par')).toBe('par');
    expect(nextSort(parseSort('par', ['par']), 'par')).toBe('-par');
    expect(nextSort(parseSort('-par', ['par']), 'par')).toBe('par');
    expect(nextSort(start, 'name')).toBe('-name');
  });
});

describe('colouring the heat table', () => {
  it('gives each column its own domain over its own values', () => {
    const domains = columnDomains([col('par', 100), col('par.direction', 10), col('dti', 1)], rows);
    expect(domains.get('par')).toEqual([75, 95]);
    expect(domains.get('par.direction')).toEqual([8, 10]);
    expect(domains.get('dti')).toEqual([0.55, 0.75]);
  });

  it('puts readable text on every cell, the low and high ends in different colours', () => {
    for (const theme of ['dark', 'light'] as const) {
      const low = cellColours(75, [75, 95], theme);
      const high = cellColours(95, [75, 95], theme);
      expect(low.background).not.toBe(high.background);
      for (const c of [low, high, cellColours(85, [75, 95], theme)]) expect(contrastRatio(c.background, c.color)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
