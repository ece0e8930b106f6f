// The ECharts parts this option draws with (see src/charts/echarts.ts).
import '../charts/parts/line';
import '../charts/parts/markLine';
import '../charts/parts/legend';
import type { ChartOption } from '../charts/echarts';
import type { ChartPalette } from '../charts/palette';

export interface TrendPoint {
  period: number;
  value: number;
  /** Carried across a boundary change through the crosswalk: drawn dashed and hollow. */
  remapped?: boolean;
}

export interface TrendSeries {
  id: string;
  name: string;
  points: readonly TrendPoint[];
  /** The series in focus (the unit or the province itself). */
  emphasis?: boolean;
}

export interface TrendMarker {
  period: number;
  label: string;
}

export interface TrendInput {
  series: readonly TrendSeries[];
  from: number;
  to: number;
  /** Methodology breaks and the 2025 reform, drawn as labelled vertical lines. */
  markers: readonly TrendMarker[];
  min?: number;
  max?: number;
  /** Ranks: 1 at the top. */
  inverse?: boolean;
  format: (value: number) => string;
  palette: ChartPalette;
  fontSize: number;
  /** The legend's label for re-mapped points. */
  remappedLabel: string;
}

const SERIES_COLOURS = (p: ChartPalette) => [p.highlight, p.primary, p.good, p.muted];

/**
 * Values year by year, one line per series. Points carried across the reform are drawn as a dashed line
 * with hollow markers, so a trend that crosses it reads as re-mapped, not measured.
 */
export function trendOption(input: TrendInput): ChartOption {
  const { palette, fontSize } = input;
  const years = Array.from({ length: Math.max(0, input.to - input.from + 1) }, (_, i) => String(input.from + i));
  const colours = SERIES_COLOURS(palette);
  const series = input.series.flatMap((s, i) => {
    const colour = s.emphasis ? palette.highlight : colours[(i + 1) % colours.length];
    const byYear = new Map(s.points.map((p) => [p.period, p]));
    const measured = years.map((y) => {
      const p = byYear.get(Number(y));
      return p && !p.remapped ? p.value : null;
    });
    // The dashed line covers the re-mapped points and joins the first measured point after them.
    const remapped = years.map((y, k) => {
      const p = byYear.get(Number(y));
      if (p?.remapped) return p.value;
      const before = byYear.get(Number(years[k - 1]));
      return p && before?.remapped ? p.value : null;
    });
    const base = {
      type: 'line' as const,
      name: s.name,
      connectNulls: false,
      symbolSize: Math.round(fontSize * 0.55),
      lineStyle: { width: s.emphasis ? 3 : 2, color: colour },
      itemStyle: { color: colour },
      label: { show: false },
      emphasis: { disabled: true },
    };
    const out: Record<string, unknown>[] = [{ ...base, id: `${s.id}`, data: measured }];
    if (remapped.some((v) => v !== null)) {
      out.push({
        ...base,
        id: `${s.id}-remapped`,
        name: `${s.name} (${input.remappedLabel})`,
        data: remapped,
        symbol: 'emptyCircle',
        lineStyle: { ...base.lineStyle, type: 'dashed' },
      });
    }
    return out;
  });
  const first = series[0];
  const markers = input.markers.filter((m) => m.period >= input.from && m.period <= input.to);
  if (first && markers.length) first.markLine = markerLines(markers, input);
  const legend = input.series.length > 1;
  return {
    // Bands above the plot: the legend, then the markers' labels, so neither is drawn over a point.
    grid: { left: 8, right: fontSize * 2, top: fontSize * ((legend ? 2.2 : 0.8) + (markers.length ? 1.6 : 0)), bottom: 4, containLabel: true },
    legend: { show: legend, top: 0, textStyle: { color: palette.text, fontSize }, itemWidth: fontSize * 1.6 },
    xAxis: {
      type: 'category',
      data: years,
      boundaryGap: false,
      axisLabel: { color: palette.text, fontSize },
      axisLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: {
      type: 'value',
      min: input.min,
      max: input.max,
      inverse: input.inverse ?? false,
      scale: input.min === undefined,
      axisLabel: { color: palette.muted, fontSize, formatter: (v: number) => input.format(v) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series,
  };
}

/**
 * Methodology breaks and the reform as dotted vertical lines, each labelled level above the plot's top edge
 * (the axis's start when it is inverted). A label at the first or last year is aligned inwards so that it stays
 * inside the chart.
 */
function markerLines(markers: readonly TrendMarker[], input: TrendInput): Record<string, unknown> {
  const { palette, fontSize } = input;
  const align = (period: number) => (period === input.to ? 'right' : period === input.from ? 'left' : 'center');
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: palette.muted, type: 'dotted', width: 1.5 },
    label: {
      color: palette.muted,
      fontSize: Math.round(fontSize * 0.85),
      formatter: '{b}',
      position: input.inverse ? 'start' : 'end',
      distance: Math.round(fontSize * 0.35),
    },
    data: markers.map((m) => ({ xAxis: String(m.period), name: m.label, label: { align: align(m.period) } })),
  };
}
