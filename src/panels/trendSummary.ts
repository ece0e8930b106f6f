import type { Translate } from '../i18n/translate';
import { seriesFacts, type YearValue } from '../domain/seriesFacts';
import type { TrendSeries } from './trendOption';

/** One series in words: its first and last year, its highest and lowest value. Empty without values. */
export function seriesSentence(name: string, points: readonly YearValue[], format: (value: number) => string, t: Translate): string {
  const facts = seriesFacts(points);
  if (!facts) return '';
  if (facts.first.period === facts.last.period) return t('summary.seriesOne', { name, year: facts.first.period, value: format(facts.first.value) });
  return t('summary.series', {
    name,
    from: facts.first.period,
    first: format(facts.first.value),
    to: facts.last.period,
    last: format(facts.last.value),
    max: format(facts.highest.value),
    maxYear: facts.highest.period,
    min: format(facts.lowest.value),
    minYear: facts.lowest.period,
  });
}

export interface TrendSummaryInput {
  series: readonly TrendSeries[];
  from: number;
  to: number;
  /** What the chart shows (its label). */
  what: string;
  format: (value: number) => string;
  t: Translate;
}

/** A trend in words, for screen readers: what it shows and its years, then each series' first, last, highest and lowest. */
export function trendSummary(input: TrendSummaryInput): string {
  const { t, what } = input;
  const inRange = input.series.map((s) => ({ name: s.name, points: s.points.filter((p) => p.period >= input.from && p.period <= input.to) }));
  const periods = inRange.flatMap((s) => s.points.map((p) => p.period));
  if (!periods.length) return t('summary.empty', { what });
  const sentences = inRange.map((s) => seriesSentence(s.name, s.points, input.format, t)).filter(Boolean);
  return [t('summary.trend', { what, from: Math.min(...periods), to: Math.max(...periods) }), ...sentences].join(' ');
}
