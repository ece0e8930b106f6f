import type { ChartTableData } from '../components/chartTable';
import type { Translate } from '../i18n/translate';

export interface ComponentColumn {
  id: string;
  name: string;
  /** Component id → score. */
  values: ReadonlyMap<string, number>;
}

export interface ComponentsTableInput {
  components: readonly { id: string; name: string; max: number }[];
  /** One column per series, in the legend's order (the unit, the average, the best unit; or the compared units). */
  series: readonly ComponentColumn[];
  caption: string;
  /** A score as the chart labels it (points, or a share of the maximum on the radar). */
  cell: (value: number, max: number) => string;
  /** The maximum as text, in its own column; left out where the chart shows shares only. */
  max?: ((max: number) => string) | null;
  t: Translate;
}

/**
 * Component charts (bars against the maxima, the comparison's grouped bars, the radar) as a table: a row per
 * component in the index's order (the bars top to bottom, the radar clockwise from the top), a column per series.
 */
export function componentsTable(input: ComponentsTableInput): ChartTableData {
  const { t } = input;
  const max = input.max ?? null;
  return {
    caption: input.caption,
    columns: [
      { key: 'component', label: t('table.component') },
      ...(max ? [{ key: 'max', label: t('table.max'), numeric: true }] : []),
      ...input.series.map((s) => ({ key: s.id, label: s.name, numeric: true })),
    ],
    rows: input.components.map((c) => ({
      key: c.id,
      cells: [
        c.name,
        ...(max ? [max(c.max)] : []),
        ...input.series.map((s) => {
          const v = s.values.get(c.id);
          return v === undefined || !Number.isFinite(v) ? null : input.cell(v, c.max);
        }),
      ],
    })),
  };
}
