import { computed, toValue, type MaybeRefOrGetter, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useCatalogueStore } from '../../stores/catalogue';
import { useServiceHistoryStore } from '../../stores/serviceHistory';
import { monthTrendDays } from '../../domain/servicePeriod';
import { localName } from '../../domain/localise';
import { formatDay, formatPercent, type Locale } from '../../domain/format';
import { hasSettled, panelState, type PanelState } from '../../components/panelState';

/** One KPI's month in daily closes: the values for a sparkline and the same in words for screen readers. */
export interface ServiceTrend {
  values: (number | null)[];
  label: string | null;
}

/**
 * The month's trend of every service KPI of one unit (the province's on the overview and the wall): its daily
 * closes on the working days of this month so far (early in a month, of the month before). `after`: the panels
 * whose figures come first; the history is asked for once they have settled, so a page's main figures get the
 * browser's connections and main thread first and the sparklines follow a moment later.
 */
export function useServiceTrend(unit: MaybeRefOrGetter<string | null>, locale: Ref<Locale>, after: MaybeRefOrGetter<readonly Pick<PanelState, 'status'>[]> = []) {
  const { t } = useI18n();
  const catalogue = useCatalogueStore();
  const history = useServiceHistoryStore().useHistory(() => {
    const code = toValue(unit);
    return code && toValue(after).every(hasSettled) ? { unit: code } : null;
  });
  const days = computed(() => (history.value.data ? monthTrendDays(history.value.data) : []));
  const trends = computed(() => {
    const out: Record<string, ServiceTrend> = {};
    const list = days.value;
    const first = list[0];
    const last = list[list.length - 1];
    for (const kpi of catalogue.serviceKpis) {
      const values = list.map((d) => d.rates[kpi.id] ?? null);
      const present = values.filter((v): v is number => v !== null);
      const a = present[0];
      const b = present[present.length - 1];
      const label =
        first && last && a !== undefined && b !== undefined
          ? t(b >= a ? 'services.trend' : 'services.trendDown', {
              kpi: localName(kpi, locale.value),
              from: formatDay(first.period.from, locale.value),
              to: formatDay(last.period.from, locale.value),
              first: formatPercent(a, locale.value),
              last: formatPercent(b, locale.value),
              max: formatPercent(Math.max(...present), locale.value),
              min: formatPercent(Math.min(...present), locale.value),
            })
          : null;
      out[kpi.id] = { values, label };
    }
    return out;
  });
  const state = computed(() => panelState(history.value, catalogue.indicatorView));
  return { history, trends, state };
}
