import { defineStore } from 'pinia';
import type { MaybeRefOrGetter } from 'vue';
import { loadServiceCloses, loadServiceHistory, type ServiceClosesQuery } from '../feeds/serviceHistory';
import type { ServiceCloses, ServiceHistory } from '../domain/types';
import { createFeedCache } from './feedCache';
import { useFeedRegistryStore } from './feedRegistry';
import { useFeedView } from './feedView';
import { useRuntimeStore } from './runtime';
import { useConnectivityStore } from './connectivity';
import { useGeographyStore } from './geography';

/**
 * The closed periods of the one-stop-shop KPIs: every unit's last working day and month so far, and one unit's
 * daily closes and months. They change once a day, so they are asked for at their own, slower cadence.
 */
export const useServiceHistoryStore = defineStore('serviceHistory', () => {
  const runtime = useRuntimeStore();
  const connectivity = useConnectivityStore();
  const geography = useGeographyStore();
  const registry = useFeedRegistryStore();

  const closesCfg = () => runtime.requireConfig().feeds['service-closes'];
  const closes = createFeedCache<ServiceClosesQuery, ServiceCloses>({
    feed: 'service-closes',
    key: (q) => `l=${q.level ?? '*'}|u=${q.unit ? [...q.unit].sort().join(',') : '*'}`,
    load: (query, request) => loadServiceCloses(runtime.requireFeeds(), query, geography.units.length ? geography.codes : null, request),
    refreshSeconds: () => closesCfg().refreshSeconds,
    onSettled: connectivity.reporter('service-closes'),
    isEmpty: (data) => data.rows.length === 0,
  });
  registry.register(closes, () => closesCfg().maxAgeSeconds);

  const historyCfg = () => runtime.requireConfig().feeds['service-history'];
  const history = createFeedCache<{ unit: string }, ServiceHistory>({
    feed: 'service-history',
    key: (q) => q.unit,
    load: (query, request) => loadServiceHistory(runtime.requireFeeds(), query.unit, request),
    refreshSeconds: () => historyCfg().refreshSeconds,
    onSettled: connectivity.reporter('service-history'),
    isEmpty: (data) => data.days.length === 0 && data.months.length === 0,
  });
  registry.register(history, () => historyCfg().maxAgeSeconds);

  return {
    closes,
    history,
    useCloses: (query: MaybeRefOrGetter<ServiceClosesQuery | null>) => useFeedView(closes, query, () => closesCfg().maxAgeSeconds),
    useHistory: (query: MaybeRefOrGetter<{ unit: string } | null>) => useFeedView(history, query, () => historyCfg().maxAgeSeconds),
  };
});
