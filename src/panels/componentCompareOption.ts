// The ECharts parts this option draws with (see src/charts/echarts.ts).
import '../charts/parts/bar';
import '../charts/parts/legend';
import type { ChartOption } from '../charts/echarts';
import type { ChartPalette } from '../charts/palette';

export interface CompareSeries {
  id: string;
  name: string;
  /** Component id → score. */
  values: ReadonlyMap<string, number>;
}

export interface ComponentCompareInput {
  components: readonly { id: string; name: string; max: number }[];
  series: readonly CompareSeries[];
  format: (value: number, max: number) => string;
  palette: ChartPalette;
  fontSize: number;
}

/**
 * Each component as a share of its maximum, one bar per series (the unit, the province average, the best
 * unit), so fields with different maxima compare on one axis; labels carry the real points.
 */
export function componentCompareOption(input: ComponentCompareInput): ChartOption {
  const { palette, fontSize } = input;
  const ordered = [...input.components].reverse();
  const colours = [palette.highlight, palette.muted, palette.primary];
  return {
    legend: { top: 0, textStyle: { color: palette.text, fontSize }, itemWidth: fontSize * 1.4 },
    grid: { left: 8, right: fontSize * 6, top: fontSize * 2.2, bottom: 4, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, show: false },
    yAxis: {
      type: 'category',
      data: ordered.map((c) => c.name),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: palette.text, fontSize, width: fontSize * 15, overflow: 'break', lineHeight: fontSize * 1.2 },
    },
    series: input.series.map((s, i) => ({
      id: s.id,
      name: s.name,
      type: 'bar',
      barGap: '10%',
      itemStyle: { color: colours[i % colours.length], borderRadius: 2 },
      data: ordered.map((c) => {
        const v = s.values.get(c.id);
        return { value: v === undefined ? null : Math.round((v / c.max) * 1000) / 10, name: c.id };
      }),
      label: {
        show: true,
        position: 'right',
        color: palette.text,
        fontSize: Math.round(fontSize * 0.85),
        formatter: (p: { dataIndex: number }) => {
          const c = ordered[p.dataIndex];
          const v = c ? s.values.get(c.id) : undefined;
          return c && v !== undefined ? input.format(v, c.max) : '';
        },
      },
    })),
  };
}
