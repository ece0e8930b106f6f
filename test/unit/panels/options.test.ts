import { describe, expect, it } from 'vitest';
import { rankingBarsOption } from '../../../src/panels/rankingBarsOption';
import { chartPalette } from '../../../src/charts/palette';

const palette = chartPalette('dark');

describe('ranking bars option', () => {
  const option = rankingBarsOption({
    rows: [
      { code: 'b', name: 'Xã B', value: 80, rank: 2 },
      { code: 'a', name: 'Phường A', value: 90, rank: 1 },
      { code: 'c', name: 'Xã C', value: 80, rank: 2 },
    ],
    average: 83.3,
    averageLabel: 'Bình quân tỉnh 83,30',
    format: (v) => v.toFixed(2),
    min: 0,
    max: 100,
    palette,
    fontSize: 14,
    highlight: 'c',
  }) as any; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('lists units best first with their rank, ties sharing a rank', () => {
    expect(option.yAxis.data).toEqual(['1. Phường A', '2. Xã B', '2. Xã C']);
    expect(option.series[0].data.map((d: { name: string }) => d.name)).toEqual(['a', 'b', 'c']);
  });

  it('names its series, so a refresh updates the bars in place rather than redrawing them from zero', () => {
    expect(option.series[0].id).toBe('ranking');
  });

  it('draws the province average and highlights the chosen unit', () => {
    expect(option.series[0].markLine.data).toEqual([{ xAxis: 83.3 }]);
    expect(option.series[0].data[2].itemStyle.color).toBe(palette.highlight);
    expect(option.series[0].data[0].itemStyle.color).toBe(palette.primary);
  });
});
