import type { Translate } from '../i18n/translate';
import { unitMapRanking, type UnitMapRankingInput } from './unitMapTable';

export interface UnitMapSummaryInput extends UnitMapRankingInput {
  /** What the map shows (its label). */
  what: string;
  format: (value: number) => string;
  t: Translate;
}

/** The map in words, for screen readers: what it shows, the first and last units by value, and how many have none. */
export function unitMapSummary(input: UnitMapSummaryInput): string {
  const { t, what } = input;
  const ranked = unitMapRanking(input);
  const valued = ranked.filter((u): u is typeof u & { value: number } => u.value !== null);
  const missing = ranked.length - valued.length;
  const top = valued[0];
  const bottom = valued[valued.length - 1];
  const ends = !top || !bottom
    ? t('summary.empty', { what })
    : valued.length === 1
      ? t('summary.one', { what, name: top.name, value: input.format(top.value) })
      : t('summary.ranking', { what, n: valued.length, top: top.name, topValue: input.format(top.value), bottom: bottom.name, bottomValue: input.format(bottom.value) });
  return missing > 0 && valued.length > 0 ? `${ends} ${t('summary.noValue', { n: missing })}` : ends;
}
