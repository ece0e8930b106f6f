import { defineStore } from 'pinia';
import { computed, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import { loadBoundaries, type BoundarySet } from '../feeds/boundaries';
import { feedError } from '../feeds/feedError';
import { createFeedCache } from './feedCache';
import { useFeedRegistryStore } from './feedRegistry';
import { useFeedView, type FeedView } from './feedView';
import { useRuntimeStore } from './runtime';
import { useConnectivityStore } from './connectivity';
import { useGeographyStore } from './geography';

/** Outlines change with a reform, not by the hour: asked for again daily, flagged old after a month. */
export const BOUNDARIES_REFRESH_SECONDS = 86_400;
export const BOUNDARIES_MAX_AGE_SECONDS = 30 * 86_400;

/** What `use` shows when config.json has `geo: null`: nothing to wait for, and no outlines (draw a tile grid). */
const NO_GEOGRAPHY: FeedView<BoundarySet> = Object.freeze({
  status: 'ready',
  data: null,
  asOf: null,
  sample: false,
  cached: false,
  error: null,
  rejected: Object.freeze([]),
});

/**
 * Unit outlines per level from the GeoJSON named in config.json, keyed by unit code in the unit table's form (a
 * code the file holds as a number gets its leading zeros back); an outline that names no unit stays, for the map's
 * coverage to list. One request per level however many maps show it.
 */
export const useBoundariesStore = defineStore('boundaries', () => {
  const runtime = useRuntimeStore();
  const connectivity = useConnectivityStore();
  const geography = useGeographyStore();
  const geo = () => runtime.requireConfig().geo;

  /** Resolves once the unit table's first load has settled (at once when it is not on its way), or on `signal`. */
  function unitTableSettled(signal: AbortSignal): Promise<void> {
    if (geography.view.status !== 'loading' || signal.aborted) return Promise.resolve();
    return new Promise((done) => {
      const finish = () => {
        stop();
        signal.removeEventListener('abort', finish);
        done();
      };
      const stop = watch(() => geography.view.status, (status) => status !== 'loading' && finish());
      signal.addEventListener('abort', finish);
    });
  }

  /** The codes of a level's units to join outlines to; null when the unit table could not be had (codes as written). */
  async function unitCodesOf(level: string, signal: AbortSignal): Promise<ReadonlySet<string> | null> {
    await unitTableSettled(signal);
    if (geography.units.length === 0) return null;
    return new Set(geography.units.filter((unit) => unit.level === level).map((unit) => unit.code));
  }

  const cache = createFeedCache<string, BoundarySet>({
    feed: 'boundaries',
    key: (level) => level,
    load: async (level, request) => {
      const source = geo();
      if (!source) return { ok: false, error: feedError('boundaries', 'not-found', 'config.json has no geo source') };
      const knownCodes = await unitCodesOf(level, request.signal);
      return loadBoundaries(runtime.requireFeeds(), source, level, request, { knownCodes });
    },
    refreshSeconds: () => BOUNDARIES_REFRESH_SECONDS,
    onSettled: connectivity.reporter('boundaries'),
    isEmpty: (set) => set.features.length === 0,
  });
  const registry = useFeedRegistryStore();
  registry.register(cache, () => BOUNDARIES_MAX_AGE_SECONDS);

  /**
   * Shows one level's outlines for the caller's lifetime (null: no level yet). With `geo: null` in config the
   * view is ready with no data, which a page takes as "draw the tile grid".
   */
  function use(level: MaybeRefOrGetter<string | null>): ComputedRef<FeedView<BoundarySet>> {
    const view = useFeedView(cache, () => (geo() ? toValue(level) : null), () => BOUNDARIES_MAX_AGE_SECONDS);
    return computed(() => (geo() ? view.value : NO_GEOGRAPHY));
  }

  return { cache, use };
});
