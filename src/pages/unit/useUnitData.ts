import { computed, type Ref } from 'vue';
import { useCatalogueStore } from '../../stores/catalogue';
import { useGeographyStore } from '../../stores/geography';
import { useObservationsStore } from '../../stores/observations';
import { predecessorsOf, successorsOf } from '../../domain/crosswalk';
import { componentStats, fieldChanges, unitHistory } from '../../domain/unitHistory';
import { subLevelForPeriod, unitsOfLevel } from '../../domain/levels';
import { formatValue, type Locale } from '../../domain/format';
import { localName, localShortName } from '../../domain/localise';
import { panelState } from '../../components/panelState';

/**
 * One unit: every index it has, the chosen index's components against the province average and the best
 * unit, its trend (carried back through the crosswalk for a commune born in the 2025 reform, and marked),
 * its rank history, and where it sits in the hierarchy before and after the reform.
 */
export function useUnitData(code: Ref<string>, requestedIndicator: Ref<string | null>, requestedPeriod: Ref<number | null>, locale: Ref<Locale>) {
  const catalogue = useCatalogueStore();
  const geography = useGeographyStore();
  const observations = useObservationsStore();

  const unit = computed(() => geography.byCode.get(code.value) ?? null);
  const level = computed(() => catalogue.meta?.levels.find((l) => l.id === unit.value?.level) ?? null);
  const isProvince = computed(() => level.value?.depth === 0);
  const name = computed(() => (unit.value ? localName(unit.value, locale.value) : code.value));
  const nameOf = (c: string) => {
    const u = geography.byCode.get(c);
    return u ? localName(u, locale.value) : c;
  };

  const predecessors = computed(() => predecessorsOf(code.value, geography.crosswalk));
  const successors = computed(() => successorsOf(code.value, geography.crosswalk));
  const parent = computed(() => (unit.value?.parent ? geography.byCode.get(unit.value.parent) ?? null : null));
  const children = computed(() => {
    const meta = catalogue.meta;
    if (!isProvince.value || !meta) return [];
    const sub = subLevelForPeriod(meta.levels, meta.periods.last);
    return sub ? unitsOfLevel(geography.units, sub.id, meta.periods.last) : [];
  });

  const ownView = observations.use(() => (catalogue.ready && unit.value ? { unit: [code.value] } : null));
  const predecessorView = observations.use(() =>
    catalogue.ready && predecessors.value.length ? { unit: predecessors.value.map((p) => p.code) } : null,
  );
  const own = computed(() => ownView.value.data ?? []);

  const indices = computed(() =>
    catalogue.annualIndices
      .map((ind) => {
        const rows = own.value.filter((o) => o.indicator === ind.id).sort((a, b) => a.period - b.period);
        const latest = rows.at(-1);
        return latest ? { indicator: ind, name: localShortName(ind, locale.value), latest, valueText: formatValue(latest.value, ind.scale, locale.value) } : null;
      })
      .filter((x): x is NonNullable<typeof x> => x !== null),
  );
  const indicator = computed(() => {
    const wanted = indices.value.find((i) => i.indicator.id === requestedIndicator.value);
    return (wanted ?? indices.value[0])?.indicator ?? null;
  });
  const format = (v: number) => (indicator.value ? formatValue(v, indicator.value.scale, locale.value) : String(v));

  // Every unit of every level for the chosen index: averages, the best unit, and the level's mean by year.
  const indexView = observations.use(() => (catalogue.ready && indicator.value ? { indicator: [indicator.value.id] } : null));
  const history = computed(() =>
    indicator.value ? unitHistory(code.value, indicator.value.id, own.value, predecessorView.value.data ?? [], geography.crosswalk) : [],
  );
  const year = computed(() => {
    const ownYears = history.value.filter((h) => !h.remapped).map((h) => h.period);
    const p = requestedPeriod.value;
    return p !== null && ownYears.includes(p) ? p : (ownYears.at(-1) ?? null);
  });
  const current = computed(() => own.value.find((o) => o.indicator === indicator.value?.id && o.period === year.value) ?? null);
  const peers = computed(() => (indexView.value.data ?? []).filter((o) => o.period === year.value && o.level === unit.value?.level));
  const stats = computed(() => componentStats(peers.value));

  const compare = computed(() => {
    const ind = indicator.value;
    if (!ind || !current.value) return { components: [], series: [] };
    const components = ind.components
      .filter((c) => current.value?.components[c.id] !== undefined)
      .map((c) => ({ id: c.id, name: localName(c, locale.value), max: c.max }));
    const series = [{ id: 'unit', name: name.value, values: new Map(Object.entries(current.value.components)) }];
    if (!isProvince.value) {
      series.push({ id: 'average', name: 'average', values: stats.value.average });
      if (stats.value.best) series.push({ id: 'best', name: nameOf(stats.value.best.unit), values: stats.value.best.components });
    }
    return { components, series };
  });

  /** The mean of the units of each year's level, to set the unit's trend against. */
  const levelMean = computed(() => {
    const byYear = new Map<number, { total: number; n: number; level: string }>();
    for (const o of indexView.value.data ?? []) {
      if (o.level === catalogue.meta?.levels.find((l) => l.depth === 0)?.id) continue;
      const s = byYear.get(o.period) ?? { total: 0, n: 0, level: o.level };
      s.total += o.value;
      s.n += 1;
      byYear.set(o.period, s);
    }
    return [...byYear].map(([period, s]) => ({ period, value: s.total / s.n })).sort((a, b) => a.period - b.period);
  });

  const rankYears = computed(() => {
    const changes = fieldChanges(history.value);
    return history.value.map((h, i) => ({ period: h.period, rank: h.rank, rankOf: h.rankOf, valueText: format(h.value), fieldChanged: changes[i] ?? false, remapped: h.remapped }));
  });

  const state = computed(() => panelState(ownView.value, catalogue.metaView, catalogue.indicatorView, geography.view));
  const indexState = computed(() => panelState([ownView.value, indexView.value], catalogue.indicatorView));
  /**
   * The trend and the rank history also carry a commune's years before the reform (its predecessors'): they wait
   * for those, so they are drawn once and whole; if those fail, they show the unit's own years, marked out of date.
   */
  const historyState = computed(() => {
    if (!predecessors.value.length) return indexState.value;
    const before = predecessorView.value;
    return panelState([ownView.value, indexView.value, before.status === 'error' ? { ...before, status: 'stale' } : before], catalogue.indicatorView);
  });

  return {
    unit,
    level,
    isProvince,
    name,
    nameOf,
    parent,
    children,
    predecessors,
    successors,
    indices,
    indicator,
    year,
    current,
    compare,
    history,
    levelMean,
    rankYears,
    format,
    state,
    indexState,
    historyState,
  };
}
