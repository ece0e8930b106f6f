import { describe, expect, it } from 'vitest';
import { chartPalette } from '../../../src/charts/palette';
import { compareColours, compareStyle } from '../../../src/domain/compareColours';
import { contrastRatio, PANEL_BACKGROUND } from '../../../src/domain/colorScale';
import { compareRadarOption, wrapName } from '../../../src/panels/compareRadarOption';
import { compareComponentsOption } from '../../../src/panels/compareComponentsOption';
import { compareTrendOption } from '../../../src/panels/compareTrendOption';

/* eslint-disable @typescript-eslint/no-explicit-any */
const palette = chartPalette('dark');
const components = [
  { id: 'a', name: 'Công tác chỉ đạo, điều hành cải cách hành chính', max: 10 },
  { id: 'b', name: 'Cải cách tài chính công', max: 7 },
  { id: 'c', name: 'Hiện đại hóa hành chính', max: 16 },
];
const series = [
  { id: '1', name: 'Xã A', style: compareStyle(0, 'dark'), values: new Map([['a', 9], ['b', 3.5], ['c', 16]]) },
  { id: '2', name: 'Xã B', style: compareStyle(1, 'dark'), values: new Map([['a', 5]]) },
];

describe('unit colours of the comparison', () => {
  it('are six distinct colours and shapes, each at least 3:1 against the panel in both themes', () => {
    for (const theme of ['dark', 'light'] as const) {
      const colours = compareColours(theme);
      expect(new Set(colours).size).toBe(6);
      for (const c of colours) expect(contrastRatio(c, PANEL_BACKGROUND[theme])).toBeGreaterThanOrEqual(3);
    }
    expect(new Set([0, 1, 2, 3, 4, 5].map((i) => compareStyle(i, 'dark').symbol)).size).toBe(6);
    expect(new Set([0, 1, 2, 3, 4, 5].map((i) => compareStyle(i, 'dark').glyph)).size).toBe(6);
  });
});

describe('comparison charts', () => {
  it('draws the radar as shares of each maximum, one polygon per unit in its colour', () => {
    const option = compareRadarOption({ components, series, palette, fontSize: 14 }) as any;
    expect(option.series[0].data[0].value).toEqual([90, 50, 100]);
    expect(option.series[0].data[1].value).toEqual([50, null, null]);
    expect(option.series[0].data[1].lineStyle.color).toBe(compareStyle(1, 'dark').colour);
    expect(option.legend.data.map((d: { name: string }) => d.name)).toEqual(['Xã A', 'Xã B']);
  });

  it('wraps long axis names on whole words', () => {
    expect(wrapName('Công tác chỉ đạo, điều hành cải cách hành chính', 20)).toBe('Công tác chỉ đạo,\nđiều hành cải cách\nhành chính');
    expect(wrapName('một hai ba bốn năm sáu bảy tám chín mười', 8, 2)).toBe('một hai\nba bốn…');
  });

  it('groups bars by component in the units\' colours, with labels only while they fit', () => {
    const option = compareComponentsOption({ components, series, format: String, palette, fontSize: 14 }) as any;
    expect(option.series.map((s: any) => s.itemStyle.color)).toEqual(series.map((s) => s.style.colour));
    expect(option.series[0].label.show).toBe(true);
    const many = compareComponentsOption({ components: [...components, ...components, ...components], series: [...series, ...series, ...series, ...series, ...series], format: String, palette, fontSize: 14 }) as any;
    expect(many.series[0].label.show).toBe(false);
  });

  it('draws each unit\'s trend in its colour and shape, re-mapped years hollow, one legend entry per unit', () => {
    const option = compareTrendOption({
      series: [{ id: '1', name: 'Xã A', points: [{ period: 2024, value: 80, remapped: true }, { period: 2025, value: 82 }] }],
      styles: new Map([['1', compareStyle(2, 'dark')]]),
      from: 2024,
      to: 2025,
      markers: [],
      format: String,
      palette,
      fontSize: 14,
      remappedLabel: 'quy đổi',
    }) as any;
    expect(option.series.map((s: any) => [s.id, s.symbol, s.lineStyle.color])).toEqual([
      ['1', 'triangle', compareStyle(2, 'dark').colour],
      ['1-remapped', 'emptyTriangle', compareStyle(2, 'dark').colour],
    ]);
    expect(option.legend.data).toEqual(['Xã A']);
    const star = compareTrendOption({
      series: [{ id: '6', name: 'Xã F', points: [{ period: 2024, value: 80, remapped: true }, { period: 2025, value: 82 }] }],
      styles: new Map([['6', compareStyle(5, 'dark')]]),
      from: 2024,
      to: 2025,
      markers: [],
      format: String,
      palette,
      fontSize: 14,
      remappedLabel: 'quy đổi',
    }) as any;
    expect(star.series[1].symbol).toBe(compareStyle(5, 'dark').symbol);
    expect(star.series[1].itemStyle).toEqual({ color: '#ffffff', borderColor: compareStyle(5, 'dark').colour, borderWidth: 1.5 });
  });
});
