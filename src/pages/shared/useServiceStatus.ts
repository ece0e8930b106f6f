import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useCatalogueStore } from '../../stores/catalogue';
import { useGeographyStore } from '../../stores/geography';
import { useServiceKpisStore } from '../../stores/serviceKpis';
import { useServiceHistoryStore } from '../../stores/serviceHistory';
import { useRuntimeStore } from '../../stores/runtime';
import { provinceLevel } from '../../domain/levels';
import { bandOf, type Band } from '../../domain/thresholds';
import { serviceBreaches } from '../../domain/services';
import { chooseServiceShown, figuresShown, hasFiles, monthRows, type LiveState } from '../../domain/servicePeriod';
import { rankByValue } from '../../domain/rank';
import { localName, localShortName } from '../../domain/localise';
import { formatDateTime, formatDay, formatMonth, type Locale } from '../../domain/format';
import type { ServicePeriodFigures, ServiceSnapshot } from '../../domain/types';
import { panelState } from '../../components/panelState';

const BAND_ORDER: Record<Band, number> = { alert: 0, warn: 1, unknown: 2, ok: 3 };

/** What period the figures on screen cover, in words: a heading and why it is not today's. */
export interface ServicePeriodText {
  title: string;
  note: string | null;
}

/**
 * The one-stop-shop KPIs as a screen shows them, every value banded against its configured threshold: today's so
 * far when there is something to show, else the last working day's close (src/domain/servicePeriod.ts), each unit's
 * row (worst first) and the breaches of that period; beside it the month so far, and the units ranked by it.
 * Shared by the overview, the wall and the unit page.
 */
export function useServiceStatus(locale: Ref<Locale>) {
  const { t } = useI18n();
  const catalogue = useCatalogueStore();
  const geography = useGeographyStore();
  const runtime = useRuntimeStore();
  const live = useServiceKpisStore().use(() => ({}));
  const closesView = useServiceHistoryStore().useCloses(() => ({}));
  const thresholds = computed(() => runtime.requireConfig().thresholds);
  const provinceId = computed(() => (catalogue.meta ? (provinceLevel(catalogue.meta.levels)?.id ?? null) : null));
  const unitName = (code: string) => {
    const unit = geography.byCode.get(code);
    return unit ? localName(unit, locale.value) : code;
  };

  const kpis = computed(() =>
    catalogue.serviceKpis.map((k) => ({
      id: k.id,
      name: localName(k, locale.value),
      shortName: localShortName(k, locale.value),
      alertBelow: thresholds.value[k.id]?.alert ?? null,
    })),
  );
  const closes = computed(() => closesView.value.data);
  const liveRows = computed(() => live.value.data ?? []);
  const liveProvince = computed(() => liveRows.value.find((s) => s.level === provinceId.value) ?? null);

  /** Today so far, or the last working day's close. */
  const liveState = computed<LiveState>(() =>
    live.value.data !== null ? 'ready' : live.value.status === 'error' ? 'failed' : 'pending',
  );
  const closesState = computed<LiveState>(() =>
    closesView.value.data !== null ? 'ready' : closesView.value.status === 'error' ? 'failed' : 'pending',
  );
  const shown = computed(() => chooseServiceShown(liveProvince.value, closes.value, provinceId.value, liveState.value, closesState.value));
  const shownRows = computed(() => figuresShown(shown.value, liveRows.value, closes.value));
  const provinceRow = computed(() => shownRows.value.find((s) => s.level === provinceId.value) ?? null);
  const unitSnapshots = computed(() => shownRows.value.filter((s) => s.level !== provinceId.value));
  const month = computed(() => monthRows(closes.value));
  const monthOf = (code: string) => month.value.find((r) => r.unit === code) ?? null;

  const periodText = computed<ServicePeriodText | null>(() => {
    const s = shown.value;
    if (!s) return null;
    if (s.kind === 'today') return { title: t('services.period.today', { time: formatDateTime(s.at, locale.value, false) }), note: null };
    const day = formatDay(s.day, locale.value, { weekday: true });
    const today = formatDay(s.today, locale.value, { weekday: true });
    const note =
      s.why === 'holiday'
        ? t('services.why.holiday', { name: s.holiday ?? '' })
        : s.why === 'day-off'
          ? t('services.why.dayOff', { day: today })
          : s.why === 'unavailable'
            ? t('services.why.unavailable')
            : t('services.why.early');
    return { title: t('services.period.close', { day }), note };
  });
  const monthText = computed(() => {
    const period = month.value[0]?.period;
    if (!period) return null;
    if (period.kind === 'month') return t('services.period.month', { month: formatMonth(period.from, locale.value) });
    return t('services.period.monthToDate', { month: formatMonth(period.from, locale.value), to: formatDay(period.to, locale.value) });
  });

  /** One unit's figures (the province's by default) as banded tiles, each with its month so far, and its counts. */
  function figuresOf(row: ServiceSnapshot | null, monthRow: ServicePeriodFigures | null) {
    return {
      tiles: kpis.value.map((k) => {
        const value = row?.rates[k.id] ?? null;
        const monthValue = monthRow?.rates[k.id] ?? null;
        return {
          id: k.id,
          name: k.name,
          value,
          band: bandOf(value, thresholds.value[k.id]),
          alertBelow: k.alertBelow,
          month: monthRow ? { value: monthValue, band: bandOf(monthValue, thresholds.value[k.id]) } : null,
        };
      }),
      counts: row ? { received: row.counts.received, resolved: row.counts.resolved, overdue: row.counts.overdue } : null,
    };
  }
  const provinceMonth = computed(() => month.value.find((r) => r.level === provinceId.value) ?? null);
  const tiles = computed(() => figuresOf(provinceRow.value, provinceMonth.value).tiles);
  const counts = computed(() => figuresOf(provinceRow.value, provinceMonth.value).counts);
  /** A unit's figures, each month value with the unit's rank by it among the units of its level. */
  const unitFigures = (code: string) => {
    const figures = figuresOf(shownRows.value.find((s) => s.unit === code) ?? null, monthOf(code));
    return {
      ...figures,
      tiles: figures.tiles.map((tile) => {
        const ranked = tile.month ? monthRanking(tile.id).find((r) => r.code === code) : undefined;
        return tile.month && ranked?.rank ? { ...tile, month: { ...tile.month, rank: { rank: ranked.rank, of: ranked.of } } } : tile;
      }),
    };
  };

  const unitRows = computed(() =>
    unitSnapshots.value
      .map((s) => {
        const cells = kpis.value.map((k) => {
          const value = s.rates[k.id] ?? null;
          return { kpi: k.id, value, band: bandOf(value, thresholds.value[k.id]) };
        });
        // The row's state: a breach or a warning if any; unknown if some figure is missing; ok only if all are.
        const worst = cells.reduce<Band>((w, c) => (BAND_ORDER[c.band] < BAND_ORDER[w] ? c.band : w), 'ok');
        return { code: s.unit, name: unitName(s.unit), cells, overdue: s.counts.overdue, worst, noFiles: !hasFiles(s.counts) };
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
  /** Breaches of today's figures only: what may interrupt the wall (a close of yesterday is not news). */
  const liveBreaches = computed(() => (shown.value?.kind === 'today' ? breaches.value : []));

  /**
   * The units (not the province) ranked by one KPI over the month so far, best first, competition ranks; a unit
   * without files in the month has no rank and says so.
   */
  function monthRanking(kpi: string) {
    const rows = month.value.filter((r) => r.level !== provinceId.value);
    const ranked = rankByValue(
      rows.map((r) => ({ code: r.unit, name: unitName(r.unit), value: r.rates[kpi] ?? null })),
      'higher-is-better',
      1,
    );
    const of = ranked.filter((r) => r.rank !== null).length;
    return ranked.map((r) => ({ ...r, of, band: bandOf(r.value, thresholds.value[kpi]) }));
  }

  // A close is dated by the closes' feed; when it stands in for today's figures that failed, their failure shows too.
  const state = computed(() => {
    const s = shown.value;
    // While the closes decide what is shown, the panel waits for them too.
    if (!s && closesState.value === 'pending') return panelState(live.value, closesView.value, catalogue.metaView, catalogue.indicatorView);
    if (s?.kind !== 'close') return panelState(live.value, catalogue.metaView, catalogue.indicatorView);
    const reference = s.why === 'unavailable' ? [live.value, catalogue.metaView, catalogue.indicatorView] : [catalogue.metaView, catalogue.indicatorView];
    return panelState(closesView.value, ...reference);
  });
  const monthState = computed(() => panelState(closesView.value, catalogue.metaView, catalogue.indicatorView));
  return {
    live,
    closes: closesView,
    shown,
    periodText,
    monthText,
    kpis,
    tiles,
    counts,
    unitFigures,
    unitRows,
    breaches,
    liveBreaches,
    monthRanking,
    state,
    monthState,
  };
}
