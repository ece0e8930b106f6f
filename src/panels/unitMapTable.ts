import type { ChartTableData } from '../components/chartTable';
import type { Translate } from '../i18n/translate';
import { rankByValue, type RankedUnit } from '../domain/rank';

export interface UnitMapRankingInput {
  /** The units drawn (the map's outlines or the grid's tiles). */
  codes: readonly string[];
  /** Unit code → value; a unit without one is listed last, as "no value". */
  values: ReadonlyMap<string, number>;
  /** Unit code → display name. */
  names: ReadonlyMap<string, string>;
  direction?: 'higher-is-better' | 'lower-is-better';
}

export interface UnitMapTableInput extends UnitMapRankingInput {
  caption: string;
  format: (value: number) => string;
  selected?: string | null;
  t: Translate;
}

/** The units on a map, ranked by the value that colours them (ties share a rank), then by name; no value last. */
export function unitMapRanking(input: UnitMapRankingInput): RankedUnit[] {
  return rankByValue(
    [...new Set(input.codes)].map((code) => ({ code, name: input.names.get(code) ?? code, value: input.values.get(code) })),
    input.direction ?? 'higher-is-better',
  );
}

/** The map as a table: by rank, then by name; unit, rank, value; the selected unit marked in words. */
export function unitMapTable(input: UnitMapTableInput): ChartTableData {
  const { t } = input;
  return {
    caption: input.caption,
    columns: [
      { key: 'unit', label: t('table.unit') },
      { key: 'rank', label: t('table.rank'), numeric: true },
      { key: 'value', label: t('table.value'), numeric: true },
    ],
    rows: unitMapRanking(input).map((u) => ({
      key: u.code,
      cells: [u.name, u.rank, u.value === null ? null : input.format(u.value)],
      highlight: !!input.selected && u.code === input.selected,
    })),
    highlightNote: t('table.selected'),
  };
}
