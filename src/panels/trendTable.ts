import type { ChartTableData } from '../components/chartTable';
import type { Translate } from '../i18n/translate';
import type { TrendMarker, TrendSeries } from './trendOption';

export interface TrendTableInput {
  series: readonly TrendSeries[];
  from: number;
  to: number;
  /** Methodology breaks and the reform, in a note column when any falls on a year shown. */
  markers?: readonly TrendMarker[];
  caption: string;
  format: (value: number) => string;
  t: Translate;
}

/**
 * A trend as a table: a row per year from `from` to `to` with a value (oldest first, as the axis reads), a column
 * per series in the chart's order; a re-mapped value says so in words; the chart's vertical markers as notes.
 */
export function trendTable(input: TrendTableInput): ChartTableData {
  const { t } = input;
  const byYear = input.series.map((s) => new Map(s.points.map((p) => [p.period, p])));
  const years = [...new Set(input.series.flatMap((s) => s.points.map((p) => p.period)))]
    .filter((y) => y >= input.from && y <= input.to)
    .sort((a, b) => a - b);
  const notes = new Map<number, string[]>();
  for (const m of input.markers ?? []) {
    if (years.includes(m.period)) notes.set(m.period, [...(notes.get(m.period) ?? []), m.label]);
  }
  return {
    caption: input.caption,
    columns: [
      { key: 'year', label: t('table.year') },
      ...input.series.map((s) => ({ key: s.id, label: s.name, numeric: true })),
      ...(notes.size ? [{ key: 'note', label: t('table.note') }] : []),
    ],
    rows: years.map((year) => ({
      key: String(year),
      cells: [
        year,
        ...byYear.map((points) => {
          const p = points.get(year);
          if (!p || !Number.isFinite(p.value)) return null;
          return p.remapped ? `${input.format(p.value)} (${t('table.remapped')})` : input.format(p.value);
        }),
        ...(notes.size ? [notes.get(year)?.join('; ') ?? ''] : []),
      ],
    })),
  };
}
