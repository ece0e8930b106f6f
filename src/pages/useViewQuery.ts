import { computed } from 'vue';
import { useRoute, type LocationQuery } from 'vue-router';

function single(query: LocationQuery, key: string): string | null {
  const v = query[key];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' && first !== '' ? first : null;
}

/**
 * The view state kept in the URL, read in one place: `indicator`, `period`, `level`, `unit`, `units`,
 * `component` (what the map is coloured by) and `view` (`grid` for the tile map).
 */
export function useViewQuery() {
  const route = useRoute();
  const indicator = computed(() => single(route.query, 'indicator'));
  const period = computed(() => {
    const raw = single(route.query, 'period');
    return raw && /^\d{4}$/.test(raw) ? Number(raw) : null;
  });
  const level = computed(() => single(route.query, 'level'));
  const unit = computed(() => single(route.query, 'unit'));
  const units = computed(() => (single(route.query, 'units') ?? '').split(',').filter(Boolean));
  const component = computed(() => single(route.query, 'component'));
  const view = computed(() => single(route.query, 'view'));

  /** A link to this view with some query keys changed (null removes a key). */
  function withQuery(changes: Record<string, string | number | null>) {
    const query: LocationQuery = { ...route.query };
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete query[key];
      else query[key] = String(value);
    }
    return { path: route.path, query };
  }

  return { indicator, period, level, unit, units, component, view, withQuery };
}
