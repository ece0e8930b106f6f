import type { ChartOption } from '../charts/echarts';
import type { ChartPalette } from '../charts/palette';
import type { ComponentScore } from '../domain/components';

export interface ComponentBreakdownInput {
  scores: readonly ComponentScore[];
  /** Formats a component's score for its label, e.g. "12,34 / 14,5". */
  label: (score: ComponentScore) => string;
  palette: ChartPalette;
  fontSize: number;
}

/**
 * Each component as a share of its maximum (0–100 %), on one axis so fields with different maxima compare;
 * the label carries the real points. Catalogue order, top to bottom.
 */
export function componentBreakdownOption({ scores, label, palette, fontSize }: ComponentBreakdownInput): ChartOption {
  const ordered = [...scores].reverse();
  return {
    animationDuration: 300,
    grid: { left: 8, right: fontSize * 7, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, show: false },
    yAxis: {
      type: 'category',
      data: ordered.map((s) => s.name),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: palette.text, fontSize, width: fontSize * 17, overflow: 'break', lineHeight: fontSize * 1.2 },
    },
    series: [
      {
        // A stable id: with replaceMerge, an update then changes this series in place instead of redrawing it from zero.
        id: 'components',
        type: 'bar',
        data: ordered.map((s) => ({ value: Math.round(s.share * 1000) / 10, name: s.id })),
        barWidth: '60%',
        showBackground: true,
        backgroundStyle: { color: palette.track },
        itemStyle: { color: palette.primary, borderRadius: 2 },
        label: {
          show: true,
          position: 'right',
          distance: 8,
          color: palette.text,
          fontSize,
          formatter: (p: { dataIndex: number }) => {
            const score = ordered[p.dataIndex];
            return score ? label(score) : '';
          },
        },
      },
    ],
  };
}
