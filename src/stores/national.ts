import { defineStore } from 'pinia';
import type { MaybeRefOrGetter } from 'vue';
import { loadNational, type NationalQuery } from '../feeds/national';
import type { NationalRow } from '../contract';
import { createFeedCache } from './feedCache';
import { useFeedRegistryStore } from './feedRegistry';
import { useFeedView } from './feedView';
import { useRuntimeStore } from './runtime';
import { useConnectivityStore } from './connectivity';
import { useCatalogueStore } from './catalogue';

/** National standing of every province, by indicator and year. */
export const useNationalStore = defineStore('national', () => {
  const runtime = useRuntimeStore();
  const connectivity = useConnectivityStore();
  const catalogue = useCatalogueStore();
  const cfg = () => runtime.requireConfig().feeds.national;
  const list = (xs: readonly (string | number)[] | undefined) => (xs ? [...xs].map(String).sort().join(',') : '*');
  const cache = createFeedCache<NationalQuery, NationalRow[]>({
    feed: 'national',
    key: (q) => `i=${list(q.indicator)}|p=${list(q.period)}`,
    load: (query, request) => loadNational(runtime.requireFeeds(), query, catalogue.indicators, request),
    refreshSeconds: () => cfg().refreshSeconds,
    onSettled: connectivity.reporter('national'),
  });
  const registry = useFeedRegistryStore();
  registry.register(cache, () => cfg().maxAgeSeconds);

  function use(query: MaybeRefOrGetter<NationalQuery | null>) {
    return useFeedView(cache, query, () => cfg().maxAgeSeconds);
  }

  return { cache, use };
});
