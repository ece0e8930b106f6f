import type { ChartTableData } from '../components/chartTable';
import type { Translate } from '../i18n/translate';
import type { MovementPoint } from './nationalMovementOption';
import type { TrendMarker } from './trendOption';

export interface NationalMovementTableInput {
  points: readonly (MovementPoint & { value: number })[];
  /** The change of field and methodology breaks, in a note column when any falls on a year shown. */
  markers?: readonly TrendMarker[];
  /** The year on screen, marked in words. */
  current: number | null;
  caption: string;
  /** A score in the index's scale. */
  format: (value: number) => string;
  /** A position in percent (0–100) as text: "39 %". */
  percent: (value: number) => string;
  t: Translate;
}

/** The province's movement as a table: a row per year, oldest first; score, rank among the field, position from the top. */
export function nationalMovementTable(input: NationalMovementTableInput): ChartTableData {
  const { t } = input;
  const points = [...input.points].sort((a, b) => a.period - b.period);
  const notes = new Map<number, string[]>();
  for (const m of input.markers ?? []) {
    if (points.some((p) => p.period === m.period)) notes.set(m.period, [...(notes.get(m.period) ?? []), m.label]);
  }
  return {
    caption: input.caption,
    columns: [
      { key: 'year', label: t('national.year') },
      { key: 'value', label: t('national.value'), numeric: true },
      { key: 'rank', label: t('national.rankShort'), numeric: true },
      { key: 'position', label: t('national.positionShort'), numeric: true },
      ...(notes.size ? [{ key: 'note', label: t('table.note') }] : []),
    ],
    rows: points.map((p) => ({
      key: String(p.period),
      cells: [
        p.period,
        input.format(p.value),
        `${p.rank}/${p.rankOf}`,
        input.percent(p.position * 100),
        ...(notes.size ? [notes.get(p.period)?.join('; ') ?? ''] : []),
      ],
      highlight: p.period === input.current,
    })),
    highlightNote: t('table.current'),
  };
}
