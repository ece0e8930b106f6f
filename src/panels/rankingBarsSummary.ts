import type { Translate } from '../i18n/translate';
import { sortRanking, type RankingRow } from './rankingBarsOption';

export interface RankingBarsSummaryInput {
  rows: readonly RankingRow[];
  /** What the chart shows (its label). */
  what: string;
  format: (value: number) => string;
  /** The own province in a national ranking: its rank and value are said too. */
  highlight?: string | null;
  t: Translate;
}

/** The ranking in words, for screen readers: what it shows, how many units, the first and the last, and the own province. */
export function rankingBarsSummary(input: RankingBarsSummaryInput): string {
  const { t, what } = input;
  const sorted = sortRanking(input.rows);
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  if (!top || !bottom) return t('summary.empty', { what });
  const ends =
    sorted.length === 1
      ? t('summary.one', { what, name: top.name, value: input.format(top.value) })
      : t('summary.ranking', { what, n: sorted.length, top: top.name, topValue: input.format(top.value), bottom: bottom.name, bottomValue: input.format(bottom.value) });
  const own = input.highlight ? sorted.find((r) => r.code === input.highlight) : undefined;
  if (!own) return ends;
  return `${ends} ${t('summary.own', { name: own.name, rank: own.rank ?? '—', value: input.format(own.value) })}`;
}
