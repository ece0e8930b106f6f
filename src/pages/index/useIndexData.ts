import { computed, type Ref } from 'vue';
import { useCatalogueStore } from '../../stores/catalogue';
import { useGeographyStore } from '../../stores/geography';
import { useObservationsStore } from '../../stores/observations';
import { provinceLevel, subLevelForPeriod } from '../../domain/levels';
import { componentScores } from '../../domain/components';
import { colorDomain } from '../../domain/colorScale';
import { fieldChanges } from '../../domain/unitHistory';
import { formatValue, type Locale } from '../../domain/format';
import { localName, localShortName } from '../../domain/localise';
import { panelState } from '../../components/panelState';
import type { Observation } from '../../domain/types';

/**
 * Everything the index detail page shows for one index: the province's score and national rank over the
 * years, its components, and every unit of the level in force in the chosen year, with the colour domain
 * that stays the same for that index (or component) across levels and years.
 */
export function useIndexData(indicatorId: Ref<string>, requestedPeriod: Ref<number | null>, componentId: Ref<string | null>, locale: Ref<Locale>) {
  const catalogue = useCatalogueStore();
  const geography = useGeographyStore();
  const observations = useObservationsStore();

  const indicator = computed(() => catalogue.byId.get(indicatorId.value) ?? null);
  const meta = computed(() => catalogue.meta);
  const provinceId = computed(() => (meta.value ? provinceLevel(meta.value.levels)?.id : undefined));
  const view = observations.use(() => (catalogue.ready && indicator.value ? { indicator: [indicator.value.id] } : null));
  const rows = computed<readonly Observation[]>(() => view.value.data ?? []);
  const state = computed(() => panelState(view.value, catalogue.metaView, catalogue.indicatorView));

  const provinceRows = computed(() => rows.value.filter((o) => o.level === provinceId.value).sort((a, b) => a.period - b.period));
  const years = computed(() => [...new Set(rows.value.map((o) => o.period))].sort((a, b) => a - b));
  const year = computed(() => {
    const list = years.value;
    const p = requestedPeriod.value;
    return p !== null && list.includes(p) ? p : (list.at(-1) ?? meta.value?.periods.last ?? null);
  });
  const subLevel = computed(() => (meta.value && year.value !== null ? subLevelForPeriod(meta.value.levels, year.value) : null));
  const hasUnits = computed(() => !!indicator.value && !!subLevel.value && indicator.value.levels.includes(subLevel.value.id));
  const unitRows = computed(() => rows.value.filter((o) => o.level === subLevel.value?.id && o.period === year.value));
  const provinceNow = computed(() => provinceRows.value.find((o) => o.period === year.value) ?? null);

  const name = computed(() => (indicator.value ? localName(indicator.value, locale.value) : indicatorId.value));
  const shortName = computed(() => (indicator.value ? localShortName(indicator.value, locale.value) : indicatorId.value));
  const levelName = computed(() => (subLevel.value ? localName(subLevel.value, locale.value) : ''));
  const format = (v: number) => (indicator.value ? formatValue(v, indicator.value.scale, locale.value) : String(v));
  const unitName = (code: string) => {
    const unit = geography.byCode.get(code);
    return unit ? localName(unit, locale.value) : code;
  };

  const components = computed(() =>
    indicator.value && provinceNow.value ? componentScores(provinceNow.value, indicator.value, (c) => localName(c, locale.value)) : [],
  );
  const component = computed(() => indicator.value?.components.find((c) => c.id === componentId.value) ?? null);

  /** What the map is coloured by: the index, or one of its components; one domain across levels and years. */
  const colouring = computed(() => {
    const ind = indicator.value;
    const sub = rows.value.filter((o) => o.level !== provinceId.value);
    const c = component.value;
    if (!ind) return { values: new Map<string, number>(), domain: [0, 1] as [number, number], format };
    if (c) {
      const fmt = (v: number) => formatValue(v, { unit: 'points', decimals: Math.min(ind.scale.decimals, 2) }, locale.value);
      const all = sub.map((o) => o.components[c.id]).filter((v): v is number => v !== undefined);
      const values = new Map(unitRows.value.flatMap((o) => (o.components[c.id] === undefined ? [] : [[o.unit, o.components[c.id] as number] as const])));
      return { values, domain: colorDomain(all, { min: 0, max: c.max }), format: fmt };
    }
    return { values: new Map(unitRows.value.map((o) => [o.unit, o.value])), domain: colorDomain(sub.map((o) => o.value), ind.scale), format };
  });

  const trend = computed(() => [{ id: 'province', name: meta.value ? localName(meta.value.province, locale.value) : '', emphasis: true, points: provinceRows.value.map((o) => ({ period: o.period, value: o.value })) }]);
  /** Methodology breaks from the catalogue and the year of the boundary reform (from the levels' dates). */
  const markers = computed(() => {
    const breaks = (indicator.value?.breaks ?? []).map((b) => ({ period: b.period, kind: 'break' as const }));
    const reform = meta.value?.levels.find((l) => l.depth === 1 && l.validFrom)?.validFrom;
    const reformYear = reform ? Number(reform.slice(0, 4)) : null;
    return reformYear ? [...breaks, { period: reformYear, kind: 'reform' as const }] : breaks;
  });
  const rankHistory = computed(() => {
    const changes = fieldChanges(provinceRows.value.map((o) => ({ rankOf: o.rankOf, level: o.level })));
    return provinceRows.value.map((o, i) => ({ period: o.period, rank: o.rank, rankOf: o.rankOf, valueText: format(o.value), fieldChanged: changes[i] ?? false }));
  });

  const average = computed(() => (unitRows.value.length ? unitRows.value.reduce((s, o) => s + o.value, 0) / unitRows.value.length : null));

  return {
    indicator,
    meta,
    years,
    year,
    subLevel,
    hasUnits,
    unitRows,
    provinceNow,
    name,
    shortName,
    levelName,
    format,
    unitName,
    components,
    component,
    colouring,
    trend,
    markers,
    rankHistory,
    average,
    state,
  };
}
