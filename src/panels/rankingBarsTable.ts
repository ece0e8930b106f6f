import type { ChartTableData } from '../components/chartTable';
import type { Translate } from '../i18n/translate';
import { sortRanking, type RankingRow } from './rankingBarsOption';

export interface RankingBarsTableInput {
  rows: readonly RankingRow[];
  caption: string;
  format: (value: number) => string;
  /** The row the chart highlights (the own province in a national ranking). */
  highlight?: string | null;
  t: Translate;
}

/** The ranking bars as a table: best first, as the bars read top to bottom; unit, rank, value. */
export function rankingBarsTable(input: RankingBarsTableInput): ChartTableData {
  const { t } = input;
  return {
    caption: input.caption,
    columns: [
      { key: 'unit', label: t('table.unit') },
      { key: 'rank', label: t('table.rank'), numeric: true },
      { key: 'value', label: t('table.value'), numeric: true },
    ],
    rows: sortRanking(input.rows).map((r) => ({
      key: r.code,
      cells: [r.name, r.rank, input.format(r.value)],
      highlight: !!input.highlight && r.code === input.highlight,
    })),
    highlightNote: t('table.ownProvince'),
  };
}
