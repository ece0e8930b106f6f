import type { ChartOption } from '../charts/echarts';
import type { ChartPalette } from '../charts/palette';

export interface RankingRow {
  code: string;
  name: string;
  value: number;
  rank: number | null;
}

export interface RankingBarsInput {
  rows: readonly RankingRow[];
  /** The province average, drawn as a line. */
  average: number | null;
  averageLabel: string;
  format: (value: number) => string;
  min: number;
  max: number;
  palette: ChartPalette;
  fontSize: number;
  highlight?: string | null;
}

/** Units best first, top to bottom, each bar labelled with its rank and value; a tap names the unit's code. */
export function rankingBarsOption(input: RankingBarsInput): ChartOption {
  const { rows, palette, fontSize } = input;
  const sorted = [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.value - a.value);
  const values = sorted.map((r) => r.value);
  const lo = Math.max(input.min, Math.floor(Math.min(...values, input.average ?? Infinity) * 0.98));
  return {
    animationDuration: 300,
    grid: { left: 8, right: fontSize * 5, top: fontSize * 1.8, bottom: 4, containLabel: true },
    xAxis: { type: 'value', min: lo, max: input.max, show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((r) => `${r.rank ?? '–'}. ${r.name}`),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: palette.text, fontSize, width: fontSize * 14, overflow: 'truncate' },
    },
    series: [
      {
        // A stable id: with replaceMerge, an update then changes this series in place instead of redrawing it from zero.
        id: 'ranking',
        type: 'bar',
        barWidth: '62%',
        data: sorted.map((r) => ({
          value: r.value,
          name: r.code,
          itemStyle: { color: r.code === input.highlight ? palette.highlight : palette.primary, borderRadius: 2 },
        })),
        label: {
          show: true,
          position: 'right',
          color: palette.text,
          fontSize,
          formatter: (p: { value: number }) => input.format(p.value),
        },
        markLine:
          input.average === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: palette.muted, type: 'dashed', width: 1.5 },
                label: { show: true, position: 'start', color: palette.muted, fontSize, formatter: input.averageLabel },
                data: [{ xAxis: input.average }],
              },
      },
    ],
  };
}
