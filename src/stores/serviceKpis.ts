import { defineStore } from 'pinia';
import type { MaybeRefOrGetter } from 'vue';
import { loadServiceKpis, type ServiceKpiQuery } from '../feeds/serviceKpis';
import type { ServiceSnapshot } from '../domain/types';
import { createFeedCache } from './feedCache';
import { useFeedRegistryStore } from './feedRegistry';
import { useFeedView } from './feedView';
import { useRuntimeStore } from './runtime';
import { useConnectivityStore } from './connectivity';
import { useGeographyStore } from './geography';

/** Live one-stop-shop KPIs, polled at their own cadence while some view shows them. */
export const useServiceKpisStore = defineStore('serviceKpis', () => {
  const runtime = useRuntimeStore();
  const connectivity = useConnectivityStore();
  const geography = useGeographyStore();
  const cfg = () => runtime.requireConfig().feeds['service-kpis'];
  const cache = createFeedCache<ServiceKpiQuery, ServiceSnapshot[]>({
    feed: 'service-kpis',
    key: (q) => `l=${q.level ?? '*'}|u=${q.unit ? [...q.unit].sort().join(',') : '*'}`,
    load: (query, request) =>
      loadServiceKpis(runtime.requireFeeds(), query, geography.units.length ? geography.codes : null, request),
    refreshSeconds: () => cfg().refreshSeconds,
    onSettled: connectivity.reporter('service-kpis'),
  });
  const registry = useFeedRegistryStore();
  registry.register(cache, () => cfg().maxAgeSeconds);

  function use(query: MaybeRefOrGetter<ServiceKpiQuery | null>) {
    return useFeedView(cache, query, () => cfg().maxAgeSeconds);
  }

  return { cache, use };
});
