import type { ChartOption } from '../charts/echarts';
import type { UnitStyle } from '../domain/compareColours';
import { trendOption, type TrendInput } from './trendOption';

export interface CompareTrendInput extends TrendInput {
  /** Series id (the unit's code) → its colour and marker shape. */
  styles: ReadonlyMap<string, UnitStyle>;
}

/**
 * The compared units' values year by year on one chart (trendOption: years carried back through the crosswalk
 * dashed and hollow), each line in its unit's colour and marker shape; the legend names each unit once.
 */
export function compareTrendOption(input: CompareTrendInput): ChartOption {
  const base = trendOption(input) as { series: Record<string, unknown>[]; legend: Record<string, unknown> } & Record<string, unknown>;
  const series = base.series.map((s) => {
    const id = String(s.id);
    const remapped = id.endsWith('-remapped');
    const style = input.styles.get(remapped ? id.slice(0, -'-remapped'.length) : id);
    if (!style) return s;
    const lineStyle = { ...(s.lineStyle as object), color: style.colour };
    if (!remapped) return { ...s, symbol: style.symbol, lineStyle, itemStyle: { color: style.colour } };
    // Hollow like ECharts' own empty symbols: a white fill inside the unit's colour.
    return style.hollow
      ? { ...s, symbol: style.hollow, lineStyle, itemStyle: { color: style.colour } }
      : { ...s, symbol: style.symbol, lineStyle, itemStyle: { color: '#ffffff', borderColor: style.colour, borderWidth: 1.5 } };
  });
  // The first and last years' labels sit inside the plot, clear of the value axis's lowest label.
  const xAxis = base.xAxis as { axisLabel: object };
  return {
    ...base,
    legend: { ...base.legend, show: true, data: input.series.map((s) => s.name) },
    xAxis: { ...xAxis, axisLabel: { ...xAxis.axisLabel, alignMinLabel: 'left', alignMaxLabel: 'right' } },
    series,
  };
}
