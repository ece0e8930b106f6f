import { describe, expect, it } from 'vitest';
import { trendOption } from '../../../src/panels/trendOption';
import { chartPalette } from '../../../src/charts/palette';

describe('trend option', () => {
  const option = trendOption({
    series: [
      {
        id: 'unit',
        name: 'Xã A',
        emphasis: true,
        points: [
          { period: 2023, value: 80, remapped: true },
          { period: 2024, value: 82, remapped: true },
          { period: 2025, value: 85 },
        ],
      },
    ],
    from: 2023,
    to: 2025,
    markers: [{ period: 2025, label: 'Sắp xếp ĐVHC' }],
    format: (v) => v.toFixed(1),
    palette: chartPalette('dark'),
    fontSize: 14,
    remappedLabel: 'quy đổi',
  }) as any; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('draws measured years solid and re-mapped years dashed, joined at the first measured year', () => {
    expect(option.series.map((s: { id: string }) => s.id)).toEqual(['unit', 'unit-remapped']);
    expect(option.series[0].data).toEqual([null, null, 85]);
    expect(option.series[1].data).toEqual([80, 82, 85]);
    expect(option.series[1].lineStyle.type).toBe('dashed');
    expect(option.series[1].name).toBe('Xã A (quy đổi)');
  });

  it('marks the reform on the year axis', () => {
    expect(option.xAxis.data).toEqual(['2023', '2024', '2025']);
    expect(option.series[0].markLine.data).toEqual([{ xAxis: '2025', name: 'Sắp xếp ĐVHC' }]);
  });
});
