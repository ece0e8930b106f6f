import { computed, type Ref } from 'vue';
import { useCatalogueStore } from '../../stores/catalogue';
import { useGeographyStore } from '../../stores/geography';
import { useObservationsStore } from '../../stores/observations';
import { subLevelForPeriod } from '../../domain/levels';
import { componentScores } from '../../domain/components';
import { localName } from '../../domain/localise';
import type { Locale } from '../../domain/format';
import type { Indicator } from '../../contract';
import { panelState } from '../../components/panelState';
import type { RankingRow } from '../../panels/rankingBarsOption';
import { useProvinceIndices } from '../shared/useProvinceIndices';
import { useServiceStatus } from '../shared/useServiceStatus';
import { useServiceTrend } from '../shared/useServiceTrend';

/**
 * Everything the overview shows, derived from the stores: the province's indices for the year, the
 * components and unit ranking of the chosen index, and the service KPIs (today's, or the last working day's, and
 * the month so far).
 */
export function useOverviewData(selected: Ref<string | null>, requestedPeriod: Ref<number | null>, locale: Ref<Locale>) {
  const catalogue = useCatalogueStore();
  const geography = useGeographyStore();
  const observations = useObservationsStore();
  const province = useProvinceIndices(requestedPeriod, locale);
  const services = useServiceStatus(locale);
  const { meta, year, headlines } = province;

  const indicator = computed<Indicator | null>(() => {
    const list = catalogue.annualIndices;
    return list.find((i) => i.id === selected.value) ?? list[0] ?? null;
  });
  const subLevel = computed(() => (meta.value && year.value !== null ? subLevelForPeriod(meta.value.levels, year.value) : null));
  const unitView = observations.use(() =>
    catalogue.ready && subLevel.value && indicator.value && year.value !== null
      ? { indicator: [indicator.value.id], period: [year.value], level: subLevel.value.id }
      : null,
  );

  const components = computed(() => {
    const ind = indicator.value;
    const current = headlines.value.find((h) => h.indicator.id === ind?.id)?.current;
    if (!ind || !current) return [];
    return componentScores(current, ind, (c) => localName(c, locale.value));
  });

  const ranking = computed<RankingRow[]>(() =>
    (unitView.value.data ?? []).map((o) => {
      const unit = geography.byCode.get(o.unit);
      return { code: o.unit, name: unit ? localName(unit, locale.value) : o.unit, value: o.value, rank: o.rank };
    }),
  );
  const rankingAverage = computed(() => {
    const rows = ranking.value;
    return rows.length ? rows.reduce((s, r) => s + r.value, 0) / rows.length : null;
  });

  const rankingState = computed(() => panelState(unitView.value, ...province.catalogueViews.value));

  return {
    meta,
    year,
    indicator,
    subLevel,
    headlines,
    headlineState: province.state,
    components,
    componentsState: province.state,
    ranking,
    rankingAverage,
    rankingState,
    services,
    // On a first load the trend would take one of the browser's six connections to the API from the index panels.
    serviceTrend: useServiceTrend(() => meta.value?.province.code ?? null, locale, () => [province.state.value, rankingState.value]),
  };
}
