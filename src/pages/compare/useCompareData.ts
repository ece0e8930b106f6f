import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useCatalogueStore } from '../../stores/catalogue';
import { useGeographyStore } from '../../stores/geography';
import { useObservationsStore } from '../../stores/observations';
import { useRuntimeStore } from '../../stores/runtime';
import { subLevelForPeriod, unitsOfLevel } from '../../domain/levels';
import { classifySelection, unitGaps, type UnitGaps } from '../../domain/compare';
import { compareStyle, type UnitStyle } from '../../domain/compareColours';
import { predecessorsOf } from '../../domain/crosswalk';
import { unitHistory } from '../../domain/unitHistory';
import { formatChange, formatNumber, formatValue, type Locale } from '../../domain/format';
import { localName, localShortName } from '../../domain/localise';
import type { RampTheme } from '../../domain/colorScale';
import type { CsvCell } from '../../domain/csv';
import type { Indicator, Observation } from '../../domain/types';
import { panelState } from '../../components/panelState';

export interface ComparedUnit {
  code: string;
  name: string;
  kind: string;
  style: UnitStyle;
  to: { path: string; query: Record<string, string> };
}

export interface CompareTableCell {
  text: string;
  /** A second line: the rank among the level's units. */
  sub?: string;
}

export interface CompareTableRow {
  key: string;
  label: string;
  cells: CompareTableCell[];
}

export interface CompareTableSection {
  id: string;
  title: string;
  rows: CompareTableRow[];
}

/**
 * Everything the comparison shows for up to six units of one level in one year: which units those are (and
 * which codes of the URL are not, and why), every index's value and rank, the gaps of each unit for the chosen
 * index, its components, and its trend across the years (carried back through the crosswalk and marked).
 */
export function useCompareData(
  codes: Ref<readonly string[]>,
  requestedPeriod: Ref<number | null>,
  requestedIndicator: Ref<string | null>,
  locale: Ref<Locale>,
  theme: Ref<RampTheme>,
) {
  const { t } = useI18n();
  const catalogue = useCatalogueStore();
  const geography = useGeographyStore();
  const observations = useObservationsStore();
  const runtime = useRuntimeStore();

  const meta = computed(() => catalogue.meta);
  const years = computed(() => {
    const p = meta.value?.periods;
    return p ? Array.from({ length: p.last - p.first + 1 }, (_, i) => p.first + i) : [];
  });
  const year = computed(() => {
    const p = requestedPeriod.value;
    return p !== null && years.value.includes(p) ? p : (meta.value?.periods.last ?? null);
  });
  const level = computed(() => (meta.value && year.value !== null ? subLevelForPeriod(meta.value.levels, year.value) : null));
  const levelName = computed(() => (level.value ? localName(level.value, locale.value) : ''));
  const reformYear = computed(() => {
    const from = meta.value?.levels.find((l) => l.depth === 1 && l.validFrom)?.validFrom;
    return from ? Number(from.slice(0, 4)) : null;
  });

  /** The units offered: those of the level in force at the end of the year. */
  const inForce = computed(() => (level.value && year.value !== null ? unitsOfLevel(geography.units, level.value.id, year.value) : []));
  const selection = computed(() =>
    classifySelection(codes.value, {
      inForce: new Set(inForce.value.map((u) => u.code)),
      byCode: geography.byCode,
      levels: meta.value?.levels ?? [],
      first: meta.value?.periods.first ?? 0,
      last: meta.value?.periods.last ?? 0,
    }),
  );
  const nameOf = (code: string) => {
    const u = geography.byCode.get(code);
    return u ? localName(u, locale.value) : code;
  };

  const indices = computed(() => catalogue.annualIndices.filter((i) => level.value && i.levels.includes(level.value.id)));
  const provinceOnly = computed(() => catalogue.annualIndices.filter((i) => !indices.value.includes(i)));
  const indicator = computed<Indicator | null>(() => indices.value.find((i) => i.id === requestedIndicator.value) ?? indices.value[0] ?? null);
  const short = (i: Indicator) => localShortName(i, locale.value);
  const format = (i: Indicator) => (v: number | null | undefined) => formatValue(v, i.scale, locale.value);

  const compared = computed<ComparedUnit[]>(() =>
    selection.value.compared.map((code, i) => ({
      code,
      name: nameOf(code),
      kind: geography.byCode.get(code)?.kind ?? '',
      style: compareStyle(i, theme.value),
      to: { path: `/unit/${code}`, query: { ...(indicator.value ? { indicator: indicator.value.id } : {}), ...(year.value ? { period: String(year.value) } : {}) } },
    })),
  );

  // Every index of the level's units for the year, in one request; components come with the rows.
  const yearView = observations.use(() =>
    catalogue.ready && level.value && year.value !== null ? { period: [year.value], level: level.value.id } : null,
  );
  const byIndicator = computed(() => {
    const out = new Map<string, Map<string, Observation>>();
    for (const o of yearView.value.data ?? []) {
      const m = out.get(o.indicator) ?? new Map<string, Observation>();
      m.set(o.unit, o);
      out.set(o.indicator, m);
    }
    return out;
  });
  const rowOf = (ind: Indicator, code: string) => byIndicator.value.get(ind.id)?.get(code) ?? null;
  const levelValues = (ind: Indicator) => [...(byIndicator.value.get(ind.id)?.values() ?? [])].map((o) => o.value);

  /** The province's target for the chosen index, from config (in the index's own scale). */
  const target = computed(() => {
    const id = indicator.value?.id;
    const value = id ? runtime.config?.targets[id] : undefined;
    return value === undefined ? null : value;
  });

  const stats = computed(() => {
    const ind = indicator.value;
    if (!ind) return null;
    const rows = [...(byIndicator.value.get(ind.id)?.values() ?? [])];
    if (!rows.length) return null;
    const best = [...rows].sort((a, b) => (ind.direction === 'higher-is-better' ? b.value - a.value : a.value - b.value))[0] ?? null;
    return { best, average: rows.reduce((s, o) => s + o.value, 0) / rows.length };
  });

  const gaps = computed<Map<string, UnitGaps>>(() => {
    const ind = indicator.value;
    if (!ind) return new Map();
    const values = levelValues(ind);
    return new Map(
      compared.value.map((u) => [
        u.code,
        unitGaps({ value: rowOf(ind, u.code)?.value ?? null, values, target: target.value, direction: ind.direction, decimals: ind.scale.decimals }),
      ]),
    );
  });

  const signed = (ind: Indicator, v: number | null) => formatChange(v, ind.scale, locale.value);
  const rankText = (o: Observation | null) => (o?.rank ? t('compare.rankOf', { rank: o.rank, of: o.rankOf ?? '?' }) : '');

  /** The rows of the comparison table, and the same figures as plain numbers for its CSV. */
  const table = computed(() => {
    const ind = indicator.value;
    const units = compared.value;
    const y = year.value ?? '';
    const sections: CompareTableSection[] = [];
    const header = [t('compare.csvUnit'), t('compare.csvCode')];
    const csv: CsvCell[][] = units.map((u) => [u.name, u.code]);
    const column = (title: string, values: CsvCell[]) => {
      header.push(title);
      values.forEach((v, i) => csv[i]?.push(v));
    };

    sections.push({
      id: 'indices',
      title: t('compare.indicesOf', { level: levelName.value, year: y }),
      rows: indices.value.map((i) => ({
        key: i.id,
        label: `${short(i)} ${y}`,
        cells: units.map((u) => {
          const o = rowOf(i, u.code);
          return { text: format(i)(o?.value), sub: rankText(o) };
        }),
      })),
    });
    for (const i of indices.value) {
      const rows = units.map((u) => rowOf(i, u.code));
      column(`${short(i)} ${y}`, rows.map((o) => o?.value ?? null));
      const of = rows.find((o) => o?.rankOf)?.rankOf;
      column(of ? t('compare.csvRankOf', { index: `${short(i)} ${y}`, of }) : t('compare.csvRank', { index: `${short(i)} ${y}` }), rows.map((o) => o?.rank ?? null));
    }

    if (ind) {
      const name = `${short(ind)} ${y}`;
      const s = stats.value;
      const fmt = format(ind);
      const gapRows: CompareTableRow[] = [];
      const gapRow = (key: keyof UnitGaps, label: string, csvLabel: string, text: (g: UnitGaps) => string) => {
        gapRows.push({ key, label, cells: units.map((u) => ({ text: text(gaps.value.get(u.code) ?? { toBest: null, toAverage: null, toTarget: null, toNextRank: null }) })) });
        column(csvLabel, units.map((u) => gaps.value.get(u.code)?.[key] ?? null));
      };
      if (s?.best) {
        gapRow('toBest', t('compare.gapBest', { name: nameOf(s.best.unit), value: fmt(s.best.value) }), t('compare.csvGapBest', { index: name }), (g) => (g.toBest === 0 ? t('compare.isBest') : signed(ind, g.toBest)));
      }
      if (s) gapRow('toAverage', t('compare.gapAverage', { value: fmt(s.average) }), t('compare.csvGapAverage', { index: name }), (g) => signed(ind, g.toAverage));
      if (target.value !== null) {
        gapRow('toTarget', t('compare.gapTarget', { value: fmt(target.value) }), t('compare.csvGapTarget', { index: name, value: target.value }), (g) => signed(ind, g.toTarget));
      }
      gapRow('toNextRank', t('compare.gapNextRank'), t('compare.csvGapNextRank', { index: name }), (g) =>
        g.toNextRank === 0 ? t('compare.rankOne') : signed(ind, g.toNextRank),
      );
      sections.push({ id: 'gaps', title: t('compare.gapsOf', { index: name }), rows: gapRows });

      const decimals = Math.min(ind.scale.decimals, 2);
      const componentRows = ind.components
        .filter((c) => units.some((u) => rowOf(ind, u.code)?.components[c.id] !== undefined))
        .map((c) => {
          const values = units.map((u) => rowOf(ind, u.code)?.components[c.id] ?? null);
          column(t('compare.csvComponent', { index: name, component: localName(c, locale.value) }), values);
          return {
            key: c.id,
            label: t('compare.componentMax', { name: localName(c, locale.value), max: formatNumber(c.max, c.max % 1 ? 1 : 0, locale.value) }),
            cells: values.map((v) => ({ text: v === null ? '—' : formatNumber(v, decimals, locale.value) })),
          };
        });
      if (componentRows.length) sections.push({ id: 'components', title: t('compare.componentsOf', { index: name }), rows: componentRows });
    }
    return { sections, csv: { header, rows: csv } };
  });

  /** The chosen index's components, one series per unit: for the grouped bars and the radar. */
  const componentChart = computed(() => {
    const ind = indicator.value;
    if (!ind) return { components: [], series: [] };
    const rows = compared.value.map((u) => ({ u, o: rowOf(ind, u.code) }));
    const components = ind.components
      .filter((c) => rows.some((r) => r.o?.components[c.id] !== undefined))
      .map((c) => ({ id: c.id, name: localName(c, locale.value), max: c.max }));
    const series = rows.map(({ u, o }) => ({ id: u.code, name: u.name, style: u.style, values: new Map(Object.entries(o?.components ?? {})) }));
    return { components, series };
  });

  // Every year and level of the chosen index (the same query as the index page): the trend, carried back.
  const trendView = observations.use(() => (catalogue.ready && indicator.value ? { indicator: [indicator.value.id] } : null));
  const trend = computed(() => {
    const ind = indicator.value;
    const rows = trendView.value.data ?? [];
    if (!ind) return [];
    return compared.value.map((u) => {
      const before = new Set(predecessorsOf(u.code, geography.crosswalk).map((p) => p.code));
      const own = rows.filter((o) => o.unit === u.code);
      const predecessors = rows.filter((o) => before.has(o.unit));
      const points = unitHistory(u.code, ind.id, own, predecessors, geography.crosswalk).map((h) => ({ period: h.period, value: h.value, remapped: h.remapped }));
      return { id: u.code, name: u.name, points };
    });
  });
  const trendYears = computed(() => trend.value.flatMap((s) => s.points.map((p) => p.period)));
  const markers = computed(() => {
    const breaks = (indicator.value?.breaks ?? []).map((b) => ({ period: b.period, label: t('detail.methodBreak') }));
    return reformYear.value ? [...breaks, { period: reformYear.value, label: t('detail.reformShort') }] : breaks;
  });

  const yearState = computed(() => panelState(yearView.value, catalogue.metaView, catalogue.indicatorView, geography.view));
  const trendState = computed(() => panelState(trendView.value, catalogue.metaView, catalogue.indicatorView, geography.view));

  return {
    years,
    year,
    reformYear,
    level,
    levelName,
    inForce,
    selection,
    nameOf,
    indices,
    provinceOnly,
    indicator,
    short,
    format,
    compared,
    yearRows: computed(() => yearView.value.data ?? []),
    target,
    table,
    componentChart,
    trend,
    trendYears,
    markers,
    yearState,
    trendState,
  };
}
