import { computed, type Ref } from 'vue';
import { useCatalogueStore } from '../../stores/catalogue';
import { useObservationsStore } from '../../stores/observations';
import { useRuntimeStore } from '../../stores/runtime';
import { provinceLevel } from '../../domain/levels';
import { localName, localShortName } from '../../domain/localise';
import type { Locale } from '../../domain/format';
import type { Observation } from '../../domain/types';
import { panelState } from '../../components/panelState';

/**
 * The province's own figures for every annual index: this year's score and national rank, last year's,
 * the trend, the methodology break to mark, and the target. Shared by the overview and the wall.
 */
export function useProvinceIndices(requestedPeriod: Ref<number | null>, locale: Ref<Locale>) {
  const catalogue = useCatalogueStore();
  const observations = useObservationsStore();
  const runtime = useRuntimeStore();

  const meta = computed(() => catalogue.meta);
  const year = computed(() => {
    const periods = meta.value?.periods;
    if (!periods) return null;
    const p = requestedPeriod.value;
    return p !== null && p >= periods.first && p <= periods.last ? p : periods.last;
  });
  const provinceLvl = computed(() => (meta.value ? provinceLevel(meta.value.levels) : null));
  const provinceView = observations.use(() => (catalogue.ready && provinceLvl.value ? { level: provinceLvl.value.id } : null));
  const catalogueViews = computed(() => [catalogue.metaView, catalogue.indicatorView] as const);
  const state = computed(() => panelState(provinceView.value, ...catalogueViews.value));

  /** Province rows by indicator, oldest first. */
  const series = computed(() => {
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
    const y = year.value;
    if (!periods || y === null) return [];
    const targets = runtime.requireConfig().targets;
    return catalogue.annualIndices.map((indicator) => {
      const rows = series.value.get(indicator.id) ?? [];
      const from = Math.max(periods.first, indicator.firstPeriod ?? periods.first);
      const years = Array.from({ length: Math.max(0, y - from + 1) }, (_, i) => from + i);
      const lastBreak = indicator.breaks.filter((b) => b.period > from && b.period <= y).sort((a, b) => b.period - a.period)[0];
      return {
        indicator,
        name: localName(indicator, locale.value),
        shortName: localShortName(indicator, locale.value),
        current: rows.find((o) => o.period === y) ?? null,
        previous: rows.find((o) => o.period === y - 1) ?? null,
        series: years.map((p) => rows.find((o) => o.period === p)?.value ?? null),
        seriesFrom: from,
        seriesTo: y,
        breakIndex: lastBreak ? lastBreak.period - from : null,
        target: targets[indicator.id] ?? null,
      };
    });
  });

  return { meta, year, provinceLvl, provinceView, catalogueViews, state, series, headlines };
}
