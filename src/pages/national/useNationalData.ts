import { computed, type Ref } from 'vue';
import { useCatalogueStore } from '../../stores/catalogue';
import { useNationalStore } from '../../stores/national';
import { panelState } from '../../components/panelState';
import { localName } from '../../domain/localise';
import type { Locale } from '../../domain/format';
import type { Indicator } from '../../contract';
import type { RankingRow } from '../../panels/rankingBarsOption';
import { chooseYear, fieldGroups, nationalStanding, nationalYears, positionSeries, rowsOfYear } from '../../domain/national';

/**
 * The national page's data: one request for every year of one index (`{ indicator: [id] }`), from which the
 * year links, the ranking of the chosen year, the province's standing and its movement are all derived.
 */
export function useNationalData(indicatorId: Ref<string>, requestedPeriod: Ref<number | null>, locale: Ref<Locale>) {
  const catalogue = useCatalogueStore();

  /** The annual indices, which are the ones ranked nationally. */
  const known = computed(() => catalogue.annualIndices);
  const indicator = computed<Indicator | null>(() => known.value.find((i) => i.id === indicatorId.value) ?? null);
  /** The catalogue has arrived and does not know the index in the URL. */
  const unknown = computed(() => catalogue.indicatorView.data !== null && indicator.value === null);

  const view = useNationalStore().use(() => (catalogue.ready && indicator.value ? { indicator: [indicator.value.id] } : null));
  const rows = computed(() => (view.value.data ?? []).filter((r) => r.indicator === indicator.value?.id));

  const years = computed(() => nationalYears(rows.value));
  const groups = computed(() => fieldGroups(years.value));
  const year = computed(() => chooseYear(years.value, requestedPeriod.value));
  /** A year was asked for that has no table (the latest is shown instead). */
  const missingYear = computed(() =>
    requestedPeriod.value !== null && year.value !== null && year.value !== requestedPeriod.value ? requestedPeriod.value : null,
  );

  const standing = computed(() =>
    indicator.value && year.value !== null ? nationalStanding(rows.value, year.value, indicator.value.direction) : null,
  );
  const ranking = computed<RankingRow[]>(() =>
    year.value === null ? [] : rowsOfYear(rows.value, year.value).map((r) => ({ code: r.province, name: localName(r, locale.value), value: r.value, rank: r.rank })),
  );
  const movement = computed(() => positionSeries(rows.value));

  const state = computed(() => panelState(view.value, catalogue.metaView, catalogue.indicatorView));

  return { known, indicator, unknown, rows, years, groups, year, missingYear, standing, ranking, movement, state };
}
