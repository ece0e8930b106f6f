import { defineStore } from 'pinia';
import { computed } from 'vue';
import { loadUnits, type UnitTable } from '../feeds/units';
import { createFeedCache } from './feedCache';
import { useFeedRegistryStore } from './feedRegistry';
import { viewOf } from './feedView';
import { useRuntimeStore } from './runtime';
import { useConnectivityStore } from './connectivity';
import { useClockStore } from './clock';
import type { Unit } from '../contract';

/** The unit table and the crosswalk: which units exist when, and what they are called. */
export const useGeographyStore = defineStore('geography', () => {
  const runtime = useRuntimeStore();
  const connectivity = useConnectivityStore();
  const clock = useClockStore();
  const cfg = () => runtime.requireConfig().feeds.units;
  const cache = createFeedCache<null, UnitTable>({
    feed: 'units',
    key: () => 'units',
    load: (_, request) => loadUnits(runtime.requireFeeds(), request),
    refreshSeconds: () => cfg().refreshSeconds,
    onSettled: connectivity.reporter('units'),
    isEmpty: (table) => table.units.length === 0,
  });
  const registry = useFeedRegistryStore();
  registry.register(cache, () => cfg().maxAgeSeconds);

  const view = computed(() => viewOf(cache.entries.get('units') ?? null, clock.nowMs, cfg().maxAgeSeconds));
  const units = computed<readonly Unit[]>(() => view.value.data?.units ?? []);
  const crosswalk = computed(() => view.value.data?.crosswalk ?? []);
  const byCode = computed(() => new Map(units.value.map((u) => [u.code, u])));
  const codes = computed(() => new Set(units.value.map((u) => u.code)));

  /** Starts loading and keeps the unit table in use for the app's lifetime. */
  function start() {
    cache.acquire(null);
  }

  return { view, units, crosswalk, byCode, codes, start };
});
