import { computed, type Ref } from 'vue';
import { useCatalogueStore } from '../../stores/catalogue';
import { useGeographyStore } from '../../stores/geography';
import { useServiceKpisStore } from '../../stores/serviceKpis';
import { useRuntimeStore } from '../../stores/runtime';
import { provinceLevel } from '../../domain/levels';
import { bandOf, type Band } from '../../domain/thresholds';
import { serviceBreaches } from '../../domain/services';
import { localName } from '../../domain/localise';
import type { Locale } from '../../domain/format';
import type { ServiceSnapshot } from '../../domain/types';
import { panelState } from '../../components/panelState';

const BAND_ORDER: Record<Band, number> = { alert: 0, warn: 1, unknown: 2, ok: 3 };

/**
 * Today's live one-stop-shop KPIs, with every value banded against its configured threshold:
 * the province's figures, every unit's row (worst first) and the breaches. Shared by the overview and the wall.
 */
export function useServiceStatus(locale: Ref<Locale>) {
  const catalogue = useCatalogueStore();
  const geography = useGeographyStore();
  const runtime = useRuntimeStore();
  const live = useServiceKpisStore().use(() => ({}));
  const thresholds = computed(() => runtime.requireConfig().thresholds);
  const provinceId = computed(() => (catalogue.meta ? provinceLevel(catalogue.meta.levels)?.id : undefined));
  const unitName = (code: string) => {
    const unit = geography.byCode.get(code);
    return unit ? localName(unit, locale.value) : code;
  };

  const kpis = computed(() =>
    catalogue.serviceKpis.map((k) => ({ id: k.id, name: localName(k, locale.value), alertBelow: thresholds.value[k.id]?.alert ?? null })),
  );
  const provinceRow = computed(() => (live.value.data ?? []).find((s) => s.level === provinceId.value) ?? null);
  const unitSnapshots = computed(() => (live.value.data ?? []).filter((s) => s.level !== provinceId.value));

  /** One unit's figures (the province's by default) as banded tiles, and its counts. */
  function figuresOf(row: ServiceSnapshot | null) {
    return {
      tiles: kpis.value.map((k) => {
        const value = row?.rates[k.id] ?? null;
        return { id: k.id, name: k.name, value, band: bandOf(value, thresholds.value[k.id]), alertBelow: k.alertBelow };
      }),
      counts: row ? { received: row.counts.received, resolved: row.counts.resolved, overdue: row.counts.overdue } : null,
    };
  }
  const tiles = computed(() => figuresOf(provinceRow.value).tiles);
  const counts = computed(() => figuresOf(provinceRow.value).counts);
  const unitFigures = (code: string) => figuresOf((live.value.data ?? []).find((s) => s.unit === code) ?? null);

  const unitRows = computed(() =>
    unitSnapshots.value
      .map((s) => {
        const cells = kpis.value.map((k) => {
          const value = s.rates[k.id] ?? null;
          return { kpi: k.id, value, band: bandOf(value, thresholds.value[k.id]) };
        });
        // The row's state: a breach or a warning if any; unknown if some figure is missing; ok only if all are.
        const worst = cells.reduce<Band>((w, c) => (BAND_ORDER[c.band] < BAND_ORDER[w] ? c.band : w), 'ok');
        return { code: s.unit, name: unitName(s.unit), cells, overdue: s.counts.overdue, worst };
      })
      .sort((a, b) => BAND_ORDER[a.worst] - BAND_ORDER[b.worst] || b.overdue - a.overdue || a.name.localeCompare(b.name, 'vi')),
  );

  const breaches = computed(() => {
    const names = new Map(kpis.value.map((k) => [k.id, k.name]));
    return serviceBreaches(unitSnapshots.value, [...names.keys()], thresholds.value).map((b) => ({
      key: `${b.unit}|${b.kpi}`,
      unit: b.unit,
      unitName: unitName(b.unit),
      kpi: b.kpi,
      kpiName: names.get(b.kpi) ?? b.kpi,
      value: b.value,
      band: b.band,
      alertBelow: thresholds.value[b.kpi]?.alert ?? 0,
    }));
  });

  const state = computed(() => panelState(live.value, catalogue.metaView, catalogue.indicatorView));
  return { live, kpis, tiles, counts, unitFigures, unitRows, breaches, state };
}
