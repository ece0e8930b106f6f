import { defineStore } from 'pinia';
import { computed } from 'vue';
import type { Indicator, Meta } from '../contract';
import { loadMeta } from '../feeds/meta';
import { loadCatalogue } from '../feeds/catalogue';
import { createFeedCache } from './feedCache';
import { useFeedRegistryStore } from './feedRegistry';
import { viewOf } from './feedView';
import { useRuntimeStore } from './runtime';
import { useConnectivityStore } from './connectivity';
import { useClockStore } from './clock';

/** The province's meta and the indicator catalogue: loaded once at start, refreshed at their cadence. */
export const useCatalogueStore = defineStore('catalogue', () => {
  const runtime = useRuntimeStore();
  const connectivity = useConnectivityStore();
  const clock = useClockStore();
  const feeds = () => runtime.requireConfig().feeds;
  const metaCache = createFeedCache<null, Meta>({
    feed: 'meta',
    key: () => 'meta',
    load: (_, request) => loadMeta(runtime.requireFeeds(), request),
    refreshSeconds: () => feeds().meta.refreshSeconds,
    onSettled: connectivity.reporter('meta'),
  });
  const indicatorCache = createFeedCache<null, Indicator[]>({
    feed: 'indicators',
    key: () => 'indicators',
    load: (_, request) => loadCatalogue(runtime.requireFeeds(), request),
    refreshSeconds: () => feeds().indicators.refreshSeconds,
    onSettled: connectivity.reporter('indicators'),
  });
  const registry = useFeedRegistryStore();
  registry.register(metaCache, () => feeds().meta.maxAgeSeconds);
  registry.register(indicatorCache, () => feeds().indicators.maxAgeSeconds);

  const metaView = computed(() => viewOf(metaCache.entries.get('meta') ?? null, clock.nowMs, feeds().meta.maxAgeSeconds));
  const indicatorView = computed(() =>
    viewOf(indicatorCache.entries.get('indicators') ?? null, clock.nowMs, feeds().indicators.maxAgeSeconds),
  );

  const meta = computed(() => metaView.value.data);
  const indicators = computed(() => indicatorView.value.data ?? []);
  const annualIndices = computed(() => indicators.value.filter((i) => i.kind === 'annual-index'));
  const serviceKpis = computed(() => indicators.value.filter((i) => i.kind === 'service-kpi'));
  const byId = computed(() => new Map(indicators.value.map((i) => [i.id, i])));
  const ready = computed(() => meta.value !== null && indicatorView.value.data !== null);

  /** Starts loading and keeps both feeds in use for the app's lifetime. */
  function start() {
    metaCache.acquire(null);
    indicatorCache.acquire(null);
  }

  return { metaView, indicatorView, meta, indicators, annualIndices, serviceKpis, byId, ready, start };
});
