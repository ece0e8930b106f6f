// The ECharts parts this option draws with (see src/charts/echarts.ts).
import '../charts/parts/radar';
import '../charts/parts/legend';
import type { ChartOption } from '../charts/echarts';
import type { ChartPalette } from '../charts/palette';
import type { CompareUnitSeries } from './compareComponentsOption';

export interface CompareRadarInput {
  components: readonly { id: string; name: string; max: number }[];
  series: readonly CompareUnitSeries[];
  palette: ChartPalette;
  fontSize: number;
}

/**
 * A long name on a few short lines (ECharts does not wrap a radar's axis names): words kept whole, at most
 * `lines` lines of about `width` characters, an ellipsis when cut.
 */
export function wrapName(name: string, width: number, lines = 3): string {
  const out: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out.join('\n');
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]}…`;
  return kept.join('\n');
}

/**
 * The components of each compared unit as a share of their maxima (0–100 %), one polygon per unit in its colour
 * and marker shape, with a legend naming them; the shape of a unit's strengths reads at a glance.
 */
export function compareRadarOption(input: CompareRadarInput): ChartOption {
  const { palette, fontSize } = input;
  const legendRows = Math.ceil(input.series.length / 3);
  return {
    legend: {
      top: 0,
      data: input.series.map((s) => ({ name: s.name, icon: s.style.symbol })),
      textStyle: { color: palette.text, fontSize },
      itemWidth: fontSize,
      itemHeight: fontSize,
    },
    radar: {
      center: ['50%', `${52 + legendRows * 3}%`],
      radius: `${Math.max(42, 54 - legendRows * 4)}%`,
      min: 0,
      max: 100,
      splitNumber: 4,
      indicator: input.components.map((c) => ({ name: wrapName(c.name, 20), min: 0, max: 100 })),
      axisName: { color: palette.text, fontSize: Math.round(fontSize * 0.8), lineHeight: Math.round(fontSize * 0.95) },
      axisLine: { lineStyle: { color: palette.grid } },
      splitLine: { lineStyle: { color: palette.grid } },
      splitArea: { show: false },
    },
    series: [
      {
        id: 'units',
        type: 'radar',
        symbolSize: Math.round(fontSize * 0.5),
        emphasis: { disabled: true },
        data: input.series.map((s) => ({
          name: s.name,
          value: input.components.map((c) => {
            const v = s.values.get(c.id);
            return v === undefined ? null : Math.round((v / c.max) * 1000) / 10;
          }),
          symbol: s.style.symbol,
          itemStyle: { color: s.style.colour },
          lineStyle: { color: s.style.colour, width: 2 },
          areaStyle: { color: s.style.colour, opacity: 0.08 },
        })),
      },
    ],
  };
}
