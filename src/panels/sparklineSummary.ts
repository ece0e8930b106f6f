import type { Translate } from '../i18n/translate';
import { seriesSentence } from './trendSummary';

export interface SparklineSummaryInput {
  /** Whose trend it is (the index's short name). */
  name: string;
  /** Values year by year from `from`, null where there was no edition. */
  values: readonly (number | null)[];
  from: number;
  format: (value: number) => string;
  t: Translate;
}

/** A headline tile's sparkline in words: the first and the last year with their values, the highest and the lowest. */
export function sparklineSummary(input: SparklineSummaryInput): string {
  const points = input.values.flatMap((value, i) => (value === null ? [] : [{ period: input.from + i, value }]));
  return seriesSentence(input.name, points, input.format, input.t);
}
