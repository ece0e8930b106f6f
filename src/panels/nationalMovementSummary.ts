import type { Translate } from '../i18n/translate';
import { seriesFacts } from '../domain/seriesFacts';
import type { MovementPoint } from './nationalMovementOption';

export interface NationalMovementSummaryInput {
  points: readonly MovementPoint[];
  /** What the chart shows (its label). */
  what: string;
  /** A position in percent (0–100) as text: "39 %". */
  percent: (value: number) => string;
  t: Translate;
}

/**
 * The movement in words, for screen readers: the rank in the first and the last year with the position from the
 * top (comparable across a change of field), and the years of the best and the worst position.
 */
export function nationalMovementSummary(input: NationalMovementSummaryInput): string {
  const { t, what } = input;
  const byYear = new Map(input.points.map((p) => [p.period, p]));
  const facts = seriesFacts(input.points.map((p) => ({ period: p.period, value: p.position })));
  if (!facts) return t('summary.empty', { what });
  const at = (period: number) => byYear.get(period) as MovementPoint;
  const first = at(facts.first.period);
  const last = at(facts.last.period);
  // Position 0 is the top of the table: the lowest position is the best.
  const best = at(facts.lowest.period);
  const worst = at(facts.highest.period);
  if (first.period === last.period) {
    return t('summary.movementOne', { what, year: first.period, rank: `${first.rank}/${first.rankOf}`, position: input.percent(first.position * 100) });
  }
  return t('summary.movement', {
    what,
    from: first.period,
    fromRank: `${first.rank}/${first.rankOf}`,
    fromPosition: input.percent(first.position * 100),
    to: last.period,
    toRank: `${last.rank}/${last.rankOf}`,
    toPosition: input.percent(last.position * 100),
    bestYear: best.period,
    bestRank: `${best.rank}/${best.rankOf}`,
    worstYear: worst.period,
    worstRank: `${worst.rank}/${worst.rankOf}`,
  });
}
