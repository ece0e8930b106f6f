import type { ChartOption } from '../charts/echarts';
import type { ChartPalette } from '../charts/palette';
import { trendOption, type TrendMarker, type TrendSeries } from './trendOption';

export interface MovementPoint {
  period: number;
  rank: number;
  rankOf: number;
  /** 0 (top) to 1 (bottom) of the field. */
  position: number;
}

export interface NationalMovementInput {
  points: readonly MovementPoint[];
  from: number;
  to: number;
  /** Where the field changed (63 → 34 provinces), and methodology breaks if wanted. */
  markers: readonly TrendMarker[];
  /** The legend's name for the years ranked among `size` provinces. */
  fieldName: (size: number) => string;
  /** A position in percent (0–100) as text: "39 %". */
  percent: (value: number) => string;
  palette: ChartPalette;
  fontSize: number;
}

/** Consecutive points ranked among the same number of provinces. */
export function fieldRuns(points: readonly MovementPoint[]): { size: number; points: MovementPoint[] }[] {
  const runs: { size: number; points: MovementPoint[] }[] = [];
  for (const p of [...points].sort((a, b) => a.period - b.period)) {
    const last = runs[runs.length - 1];
    if (last && last.size === p.rankOf) last.points.push(p);
    else runs.push({ size: p.rankOf, points: [p] });
  }
  return runs;
}

type Series = Record<string, unknown> & { data: (number | null)[] };

/**
 * The province's position year by year as a share of the field (0 % at the top of the axis, 100 % at the
 * bottom), so years among 63 and among 34 provinces share one honest scale. Each field is its own line (no
 * line joins a rank among 63 to one among 34), every point is labelled with the published rank ("14/34"),
 * and the change of field is a labelled vertical line.
 */
export function nationalMovementOption(input: NationalMovementInput): ChartOption {
  const runs = fieldRuns(input.points);
  const series: TrendSeries[] = runs.map((run, i) => ({
    id: `field-${i}`,
    name: input.fieldName(run.size),
    points: run.points.map((p) => ({ period: p.period, value: Math.round(p.position * 1000) / 10 })),
    emphasis: i === runs.length - 1,
  }));
  const option = trendOption({
    series,
    from: input.from,
    to: input.to,
    markers: input.markers,
    min: 0,
    max: 100,
    inverse: true,
    format: input.percent,
    palette: input.palette,
    fontSize: input.fontSize,
    remappedLabel: '',
  }) as Record<string, unknown> & { series: Series[]; yAxis: Record<string, unknown> };

  const labels = new Map(input.points.map((p) => [p.period, `${p.rank}/${p.rankOf}`]));
  for (const s of option.series) {
    s.label = {
      show: true,
      position: 'top',
      distance: Math.round(input.fontSize * 0.35),
      color: input.palette.text,
      fontSize: Math.round(input.fontSize * 0.9),
      formatter: (p: { dataIndex: number; value: number | null }) => (p.value === null ? '' : (labels.get(input.from + p.dataIndex) ?? '')),
    };
  }
  option.yAxis = { ...option.yAxis, interval: 25 };
  // Years as bands, not edges: the first and last labels then have room on both sides.
  option.xAxis = { ...(option.xAxis as Record<string, unknown>), boundaryGap: true };
  return option;
}
