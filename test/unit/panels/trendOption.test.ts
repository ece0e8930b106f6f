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
    expect(option.series[0].markLine.data).toMatchObject([{ xAxis: '2025', name: 'Sắp xếp ĐVHC' }]);
  });

  // The labels had been rotated along the line, inside the plot, where they ran over the 2025 point.
  it('labels each marker level above the plot, in a band kept free for it, aligned inwards at the ends', () => {
    const input = {
      series: [{ id: 'p', name: 'Tỉnh', points: [2016, 2020, 2022, 2025].map((period) => ({ period, value: 80 })) }],
      from: 2016,
      to: 2025,
      markers: [
        { period: 2016, label: 'A' },
        { period: 2022, label: 'Đổi phương pháp' },
        { period: 2025, label: 'Sắp xếp ĐVHC' },
      ],
      format: String,
      palette: chartPalette('dark'),
      fontSize: 14,
      remappedLabel: '',
    };
    const marked = trendOption(input) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const plain = trendOption({ ...input, markers: [] }) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const { label, data } = marked.series[0].markLine;
    expect(label.position).toBe('end');
    expect(label.rotate ?? 0).toBe(0);
    expect(data.map((d: { label: { align: string } }) => d.label.align)).toEqual(['left', 'center', 'right']);
    expect(marked.grid.top - plain.grid.top).toBeGreaterThanOrEqual(label.fontSize + label.distance);
    // On a rank axis drawn with 1 at the top, the top of the plot is the line's start.
    const ranks = trendOption({ ...input, inverse: true }) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(ranks.series[0].markLine.label.position).toBe('start');
  });
});
