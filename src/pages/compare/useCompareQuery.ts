import { computed } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import { useViewQuery } from '../useViewQuery';

function single(query: LocationQuery, key: string): string | null {
  const v = query[key];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' && first !== '' ? first : null;
}

/**
 * The comparison's view state, all in the URL: `units` (comma-separated codes), `period`, `indicator` (the index
 * whose gaps, components and trend are shown), `sort` (the heat table's column, `-` for descending) and
 * `components=1` (the heat table shows components). Adding or removing a unit is a step in the history (push);
 * small toggles replace the current entry.
 */
export function useCompareQuery() {
  const route = useRoute();
  const router = useRouter();
  const view = useViewQuery();
  const sort = computed(() => single(route.query, 'sort'));
  const components = computed(() => single(route.query, 'components') === '1');

  function setUnits(codes: readonly string[]) {
    void router.push(view.withQuery({ units: codes.length ? codes.join(',') : null }));
  }
  function replace(changes: Record<string, string | number | null>) {
    void router.replace(view.withQuery(changes));
  }

  return { units: view.units, period: view.period, indicator: view.indicator, sort, components, withQuery: view.withQuery, setUnits, replace };
}
