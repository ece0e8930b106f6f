import type { Translate } from '../i18n/translate';
import type { ComponentColumn } from './componentsTable';

export interface ComponentsSummaryInput {
  components: readonly { id: string; name: string; max: number }[];
  series: readonly ComponentColumn[];
  /** What the chart shows (its label). */
  what: string;
  /** A share of the maximum, 0–100, as text: "82,5 %". */
  percent: (value: number) => string;
  t: Translate;
}

/**
 * Component charts in words, for screen readers: what they show, then for each series its strongest and its weakest
 * component as a share of the component's maximum (the scale the bars and the radar are drawn on).
 */
export function componentsSummary(input: ComponentsSummaryInput): string {
  const { t, what } = input;
  const sentences = input.series.flatMap((s) => {
    const shares = input.components
      .map((c) => ({ name: c.name, value: s.values.get(c.id), max: c.max }))
      .filter((c): c is { name: string; value: number; max: number } => c.value !== undefined && Number.isFinite(c.value) && c.max > 0)
      .map((c) => ({ name: c.name, share: (c.value / c.max) * 100 }));
    const [first] = shares;
    if (!first) return [];
    let best = first;
    let worst = first;
    for (const c of shares) {
      if (c.share > best.share) best = c;
      if (c.share < worst.share) worst = c;
    }
    return [
      t('summary.componentsSeries', { name: s.name, best: best.name, bestShare: input.percent(best.share), worst: worst.name, worstShare: input.percent(worst.share) }),
    ];
  });
  if (!sentences.length) return t('summary.empty', { what });
  return [t('summary.components', { what }), ...sentences].join(' ');
}
