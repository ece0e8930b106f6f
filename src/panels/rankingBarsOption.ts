// The ECharts parts this option draws with (see src/charts/echarts.ts).
import '../charts/parts/bar';
import '../charts/parts/markLine';
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
  /** Rows are the two ends of a longer ranking: mark the cut after this many rows. */
  gapAfter?: number | null;
}

/** The category shown where a ranking was cut between its best and its worst rows. */
export const RANKING_GAP = '⋯';

/** Best first: by rank, unranked last, ties by value. The chart's order, and its table's. */
export function sortRanking<T extends Pick<RankingRow, 'rank' | 'value'>>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.value - a.value);
}

/**
 * Units best first, top to bottom, each bar labelled with its rank and value; a tap names the unit's code.
 * Bars start at the bottom of the index's scale, so their lengths stay proportional to the scores; the axis
 * ends a little past the best value so the bars use the width.
 */
export function rankingBarsOption(input: RankingBarsInput): ChartOption {
  const { palette, fontSize } = input;
  const sorted = sortRanking(input.rows);
  const best = Math.max(...sorted.map((r) => r.value), input.average ?? -Infinity);
  const hi = Number.isFinite(best) ? Math.min(input.max, best + (best - input.min) * 0.04) : input.max;
  const gap = input.gapAfter ?? null;
  const rows: (RankingRow | null)[] = gap !== null && gap > 0 && gap < sorted.length ? [...sorted.slice(0, gap), null, ...sorted.slice(gap)] : sorted;
  return {
    grid: { left: 8, right: fontSize * 5, top: fontSize * 1.8, bottom: 4, containLabel: true },
    xAxis: { type: 'value', min: input.min, max: hi, show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => (r ? `${r.rank ?? '–'}. ${r.name}` : RANKING_GAP)),
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
        data: rows.map((r) =>
          r
            ? { value: r.value, name: r.code, itemStyle: { color: r.code === input.highlight ? palette.highlight : palette.primary, borderRadius: 2 } }
            : { value: null, name: RANKING_GAP },
        ),
        label: {
          show: true,
          position: 'right',
          color: palette.text,
          fontSize,
          formatter: (p: { value: number | null }) => (p.value === null ? '' : input.format(p.value)),
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
