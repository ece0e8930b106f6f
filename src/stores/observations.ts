import { defineStore } from 'pinia';
import type { MaybeRefOrGetter } from 'vue';
import { loadObservations, observationQueryKey, type ObservationQuery } from '../feeds/observations';
import type { Observation } from '../domain/types';
import { createFeedCache } from './feedCache';
import { useFeedRegistryStore } from './feedRegistry';
import { useFeedView } from './feedView';
import { useRuntimeStore } from './runtime';
import { useConnectivityStore } from './connectivity';
import { useCatalogueStore } from './catalogue';
import { useGeographyStore } from './geography';

/** Annual index values by query; equal queries from any number of panels share one request. */
export const useObservationsStore = defineStore('observations', () => {
  const runtime = useRuntimeStore();
  const connectivity = useConnectivityStore();
  const catalogue = useCatalogueStore();
  const geography = useGeographyStore();
  const cfg = () => runtime.requireConfig().feeds.observations;
  const cache = createFeedCache<ObservationQuery, Observation[]>({
    feed: 'observations',
    key: observationQueryKey,
    load: (query, request) =>
      loadObservations(runtime.requireFeeds(), query, catalogue.indicators, geography.units.length ? geography.codes : null, request),
    refreshSeconds: () => cfg().refreshSeconds,
    onSettled: connectivity.reporter('observations'),
  });
  const registry = useFeedRegistryStore();
  registry.register(cache, () => cfg().maxAgeSeconds);

  /** Shows a query for the caller's lifetime; pass null until the catalogue is there to check rows against. */
  function use(query: MaybeRefOrGetter<ObservationQuery | null>) {
    return useFeedView(cache, query, () => cfg().maxAgeSeconds);
  }

  return { cache, use };
});
