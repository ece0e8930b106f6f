import { computed, type Ref } from 'vue';
import { useCatalogueStore } from '../../stores/catalogue';
import { useGeographyStore } from '../../stores/geography';
import { useObservationsStore } from '../../stores/observations';
import { useServiceKpisStore } from '../../stores/serviceKpis';
import { useRuntimeStore } from '../../stores/runtime';
import { provinceLevel, subLevelForPeriod } from '../../domain/levels';
import { componentScores } from '../../domain/components';
import { bandOf } from '../../domain/thresholds';
import { serviceBreaches } from '../../domain/services';
import { localName, localShortName } from '../../domain/localise';
import type { Locale } from '../../domain/format';
import type { Indicator } from '../../contract';
import type { Observation } from '../../domain/types';
import { panelState } from '../../components/panelState';
import type { RankingRow } from '../../panels/rankingBarsOption';
import type { ServiceBreach, ServiceKpiTile } from '../../panels/ServiceKpiSummary.vue';

/**
 * Everything the overview shows, derived from the stores: the province's indices for the year, the
 * components and unit ranking of the chosen index, and today's service KPIs.
 */
export function useOverviewData(selected: Ref<string | null>, requestedPeriod: Ref<number | null>, locale: Ref<Locale>) {
  const catalogue = useCatalogueStore();
  const geography = useGeographyStore();
  const observations = useObservationsStore();
  const services = useServiceKpisStore();
  const runtime = useRuntimeStore();

  const meta = computed(() => catalogue.meta);
  const year = computed(() => {
    const periods = meta.value?.periods;
    if (!periods) return null;
    const p = requestedPeriod.value;
    return p !== null && p >= periods.first && p <= periods.last ? p : periods.last;
  });
  const indicator = computed<Indicator | null>(() => {
    const list = catalogue.annualIndices;
    return list.find((i) => i.id === selected.value) ?? list[0] ?? null;
  });
  const provinceLvl = computed(() => (meta.value ? provinceLevel(meta.value.levels) : null));
  const subLevel = computed(() => (meta.value && year.value !== null ? subLevelForPeriod(meta.value.levels, year.value) : null));

  const provinceView = observations.use(() => (catalogue.ready && provinceLvl.value ? { level: provinceLvl.value.id } : null));
  const unitView = observations.use(() =>
    catalogue.ready && subLevel.value && indicator.value && year.value !== null
      ? { indicator: [indicator.value.id], period: [year.value], level: subLevel.value.id }
      : null,
  );
  const liveView = services.use(() => ({}));

  const catalogueState = computed(() => [catalogue.metaView, catalogue.indicatorView] as const);

  /** Province rows by indicator, oldest first. */
  const provinceSeries = computed(() => {
    const map = new Map<string, Observation[]>();
    for (const o of provinceView.value.data ?? []) {
      const list = map.get(o.indicator) ?? [];
      list.push(o);
      map.set(o.indicator, list);
    }
    for (const list of map.values()) list.sort((a, b) => a.period - b.period);
    return map;
  });

  const headlines = computed(() => {
    const periods = meta.value?.periods;
    if (!periods || year.value === null) return [];
    const targets = runtime.requireConfig().targets;
    return catalogue.annualIndices.map((ind) => {
      const rows = provinceSeries.value.get(ind.id) ?? [];
      const current = rows.find((o) => o.period === year.value) ?? null;
      const previous = rows.find((o) => o.period === (year.value as number) - 1) ?? null;
      const from = Math.max(periods.first, ind.firstPeriod ?? periods.first);
      const years = Array.from({ length: Math.max(0, (year.value as number) - from + 1) }, (_, i) => from + i);
      const series = years.map((y) => rows.find((o) => o.period === y)?.value ?? null);
      const lastBreak = [...ind.breaks].filter((b) => b.period > from && b.period <= (year.value as number)).sort((a, b) => b.period - a.period)[0];
      return {
        indicator: ind,
        name: localName(ind, locale.value),
        shortName: localShortName(ind, locale.value),
        current,
        previous,
        series,
        seriesFrom: from,
        seriesTo: year.value as number,
        breakIndex: lastBreak ? lastBreak.period - from : null,
        target: targets[ind.id] ?? null,
        state: panelState(provinceView.value, ...catalogueState.value),
      };
    });
  });

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

  const serviceTiles = computed<ServiceKpiTile[]>(() => {
    const province = provinceLvl.value;
    const row = (liveView.value.data ?? []).find((s) => s.level === province?.id);
    const thresholds = runtime.requireConfig().thresholds;
    return catalogue.serviceKpis.map((kpi) => {
      const value = row?.rates[kpi.id] ?? null;
      return { id: kpi.id, name: localName(kpi, locale.value), value, band: bandOf(value, thresholds[kpi.id]), alertBelow: thresholds[kpi.id]?.alert ?? null };
    });
  });
  const serviceCounts = computed(() => {
    const row = (liveView.value.data ?? []).find((s) => s.level === provinceLvl.value?.id);
    return row ? { received: row.counts.received, resolved: row.counts.resolved, overdue: row.counts.overdue } : null;
  });
  const breaches = computed<ServiceBreach[]>(() => {
    const units = (liveView.value.data ?? []).filter((s) => s.level !== provinceLvl.value?.id);
    const kpiNames = new Map(catalogue.serviceKpis.map((k) => [k.id, localName(k, locale.value)]));
    return serviceBreaches(units, [...kpiNames.keys()], runtime.requireConfig().thresholds).map((b) => {
      const unit = geography.byCode.get(b.unit);
      return { unit: b.unit, unitName: unit ? localName(unit, locale.value) : b.unit, kpiName: kpiNames.get(b.kpi) ?? b.kpi, value: b.value, band: b.band };
    });
  });

  return {
    meta,
    year,
    indicator,
    subLevel,
    headlines,
    components,
    ranking,
    rankingAverage,
    serviceTiles,
    serviceCounts,
    breaches,
    componentsState: computed(() => panelState(provinceView.value, ...catalogueState.value)),
    rankingState: computed(() => panelState(unitView.value, ...catalogueState.value)),
    servicesState: computed(() => panelState(liveView.value, ...catalogueState.value)),
  };
}
