import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Indicator, Observation, Unit } from '../../domain/types';
import { formatNumber, formatValue, type Locale } from '../../domain/format';
import { localName, localShortName } from '../../domain/localise';
import type { CsvCell } from '../../domain/csv';
import { columnDomains, parseSort, sortHeatRows, type HeatColumn, type HeatRow } from '../../panels/heatTable';

/**
 * The heat table: every unit of the level in force × every index measured at that level (and, on demand, each
 * index's components), for one year, sorted as the URL says; and the same, as shown, for its CSV.
 */
export function useHeatData(
  units: Ref<readonly Unit[]>,
  indices: Ref<readonly Indicator[]>,
  rows: Ref<readonly Observation[]>,
  year: Ref<number | null>,
  showComponents: Ref<boolean>,
  sortKey: Ref<string | null>,
  locale: Ref<Locale>,
) {
  const { t } = useI18n();

  const columns = computed<HeatColumn[]>(() =>
    indices.value.flatMap((ind) => {
      const name = `${localShortName(ind, locale.value)} ${year.value ?? ''}`.trim();
      const own: HeatColumn = { key: ind.id, label: name, group: null, scale: ind.scale, format: (v) => formatValue(v, ind.scale, locale.value) };
      if (!showComponents.value) return [own];
      const decimals = Math.min(ind.scale.decimals, 2);
      return [
        own,
        ...ind.components.map((c) => ({
          key: `${ind.id}.${c.id}`,
          label: localName(c, locale.value),
          group: name,
          scale: { min: 0, max: c.max },
          format: (v: number) => formatNumber(v, decimals, locale.value),
        })),
      ];
    }),
  );

  const allRows = computed<HeatRow[]>(() => {
    const byUnit = new Map<string, Record<string, number>>();
    for (const o of rows.value) {
      const values = byUnit.get(o.unit) ?? {};
      values[o.indicator] = o.value;
      for (const [id, v] of Object.entries(o.components)) values[`${o.indicator}.${id}`] = v;
      byUnit.set(o.unit, values);
    }
    return units.value.map((u) => ({ code: u.code, name: localName(u, locale.value), values: byUnit.get(u.code) ?? {} }));
  });

  const sort = computed(() => parseSort(sortKey.value, columns.value.map((c) => c.key)));
  const sorted = computed(() => sortHeatRows(allRows.value, sort.value));
  const domains = computed(() => columnDomains(columns.value, allRows.value));

  const csv = computed(() => {
    const header = [t('compare.csvUnit'), t('compare.csvCode'), ...columns.value.map((c) => (c.group ? t('compare.csvComponent', { index: c.group, component: c.label }) : c.label))];
    const body: CsvCell[][] = sorted.value.map((r) => [r.name, r.code, ...columns.value.map((c) => r.values[c.key] ?? null)]);
    return { header, rows: body };
  });

  return { columns, rows: sorted, sort, domains, csv };
}
