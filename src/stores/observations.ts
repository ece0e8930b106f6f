import { defineStore } from 'pinia';
import type { MaybeRefOrGetter } from 'vue';
import { loadObservations, observationQueryKey, type ObservationQuery } from '../feeds/observations';
import type { Observation } from '../domain/types';
import { createFeedCache } from './feedCache';
import { useFeedView } from './feedView';
import { useRuntimeStore } from './runtime';
import { useConnectivityStore } from './connectivity';
import { useCatalogueStore } from './catalogue';

/** Annual index values by query; equal queries from any number of panels share one request. */
export const useObservationsStore = defineStore('observations', () => {
  const runtime = useRuntimeStore();
  const connectivity = useConnectivityStore();
  const catalogue = useCatalogueStore();
  const cfg = () => runtime.requireConfig().feeds.observations;
  const cache = createFeedCache<ObservationQuery, Observation[]>({
    key: observationQueryKey,
    load: (query, signal) => loadObservations(runtime.requireFeeds(), query, catalogue.indicators, signal),
    refreshSeconds: () => cfg().refreshSeconds,
    onSettled: connectivity.reporter('observations'),
  });

  /** Shows a query for the caller's lifetime; pass null until the catalogue is there to check rows against. */
  function use(query: MaybeRefOrGetter<ObservationQuery | null>) {
    return useFeedView(cache, query, () => cfg().maxAgeSeconds);
  }

  return { cache, use };
});
