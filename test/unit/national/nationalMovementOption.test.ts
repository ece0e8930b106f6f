import { describe, expect, it } from 'vitest';
import { fieldRuns, nationalMovementOption } from '../../../src/panels/nationalMovementOption';
import { chartPalette } from '../../../src/charts/palette';

const points = [
  { period: 2023, rank: 19, rankOf: 63, position: 18 / 62 },
  { period: 2024, rank: 9, rankOf: 63, position: 8 / 62 },
  { period: 2025, rank: 14, rankOf: 34, position: 13 / 33 },
];

describe('the movement chart across the change from 63 to 34 provinces', () => {
  const option = nationalMovementOption({
    points,
    from: 2023,
    to: 2025,
    markers: [{ period: 2025, label: '34 tỉnh từ 2025' }],
    fieldName: (n) => `Trong ${n} tỉnh`,
    percent: (v) => `${v} %`,
    palette: chartPalette('dark'),
    fontSize: 14,
  }) as any; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('splits the years by field, so no line joins a rank among 63 to one among 34', () => {
    expect(fieldRuns(points).map((r) => [r.size, r.points.map((p) => p.period)])).toEqual([
      [63, [2023, 2024]],
      [34, [2025]],
    ]);
    expect(option.series.map((s: { name: string }) => s.name)).toEqual(['Trong 63 tỉnh', 'Trong 34 tỉnh']);
    expect(option.series[0].data).toEqual([29, 12.9, null]);
    expect(option.series[1].data).toEqual([null, null, 39.4]);
  });

  it('plots the position from 0 % at the top to 100 % at the bottom, with labelled ticks', () => {
    expect(option.yAxis).toMatchObject({ min: 0, max: 100, inverse: true, interval: 25 });
    expect(option.yAxis.axisLabel.formatter(25)).toBe('25 %');
  });

  it('labels every point with its published rank, and marks the change of field', () => {
    const label = option.series[1].label;
    expect(label.show).toBe(true);
    expect(label.formatter({ dataIndex: 2, value: 39.4 })).toBe('14/34');
    expect(option.series[0].label.formatter({ dataIndex: 0, value: 29 })).toBe('19/63');
    expect(option.series[0].label.formatter({ dataIndex: 2, value: null })).toBe('');
    expect(option.series[0].markLine.data).toMatchObject([{ xAxis: '2025', name: '34 tỉnh từ 2025' }]);
  });
});
