// The ECharts parts this option draws with (see src/charts/echarts.ts).
import '../charts/parts/bar';
import '../charts/parts/legend';
import type { ChartOption } from '../charts/echarts';
import type { ChartPalette } from '../charts/palette';
import type { UnitStyle } from '../domain/compareColours';

export interface CompareUnitSeries {
  id: string;
  name: string;
  style: UnitStyle;
  /** Component id → score. */
  values: ReadonlyMap<string, number>;
}

export interface CompareComponentsInput {
  components: readonly { id: string; name: string; max: number }[];
  series: readonly CompareUnitSeries[];
  format: (value: number) => string;
  palette: ChartPalette;
  fontSize: number;
}

/** Labels on every bar only while they fit beside each other; the comparison table has every figure. */
const MAX_LABELLED_BARS = 24;

/**
 * Each component as a share of its maximum, one bar per compared unit in the unit's colour, so fields with
 * different maxima compare on one axis. Bar labels carry the real points while there is room for them.
 */
export function compareComponentsOption(input: CompareComponentsInput): ChartOption {
  const { palette, fontSize } = input;
  const ordered = [...input.components].reverse();
  const labelled = ordered.length * input.series.length <= MAX_LABELLED_BARS;
  // Many components: one line per name (the table beside it has them in full), so names never overlap.
  const nameLines = ordered.length > 8 ? 1 : 2;
  return {
    legend: { top: 0, textStyle: { color: palette.text, fontSize }, itemWidth: fontSize * 1.2, itemHeight: fontSize * 0.8 },
    grid: { left: 8, right: labelled ? fontSize * 4 : fontSize, top: fontSize * 2.4 * Math.ceil(input.series.length / 3), bottom: fontSize * 1.6, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { color: palette.muted, fontSize: Math.round(fontSize * 0.85), formatter: '{value} %' },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: {
      type: 'category',
      data: ordered.map((c) => c.name),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: {
        color: palette.text,
        fontSize: Math.round(fontSize * 0.9),
        width: fontSize * 11,
        overflow: 'break',
        lineHeight: fontSize * 1.1,
        height: fontSize * 1.1 * nameLines,
        lineOverflow: 'truncate',
      },
    },
    series: input.series.map((s) => ({
      id: s.id,
      name: s.name,
      type: 'bar',
      barGap: '8%',
      barCategoryGap: '22%',
      itemStyle: { color: s.style.colour, borderRadius: 1 },
      data: ordered.map((c) => {
        const v = s.values.get(c.id);
        return { value: v === undefined ? null : Math.round((v / c.max) * 1000) / 10, name: c.id };
      }),
      label: {
        show: labelled,
        position: 'right',
        color: palette.text,
        fontSize: Math.round(fontSize * 0.8),
        formatter: (p: { dataIndex: number }) => {
          const c = ordered[p.dataIndex];
          const v = c ? s.values.get(c.id) : undefined;
          return v === undefined ? '' : input.format(v);
        },
      },
    })),
  };
}
