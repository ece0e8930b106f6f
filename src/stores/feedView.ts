import { computed, onScopeDispose, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import { deriveStatus, type FeedStatus } from '../domain/status';
import type { FeedError } from '../feeds/feedError';
import type { Rejection } from '../feeds/result';
import type { FeedCache, FeedEntry } from './feedCache';
import { useClockStore } from './clock';

/** What a page hands a panel frame: status, the last good data, when it was current, and why it is not. */
export interface FeedView<T> {
  status: FeedStatus;
  data: T | null;
  asOf: string | null;
  sample: boolean;
  /** The data is a copy kept in the browser from an earlier visit. */
  cached: boolean;
  error: FeedError | null;
  rejected: readonly Rejection[];
}

export function viewOf<T>(entry: FeedEntry<T> | null, nowMs: number, maxAgeSeconds: number): FeedView<T> {
  if (!entry) return { status: 'idle', data: null, asOf: null, sample: false, cached: false, error: null, rejected: [] };
  return {
    status: deriveStatus({
      requested: entry.requested,
      hasData: entry.data !== null,
      failed: entry.error !== null,
      cached: entry.cached,
      asOf: entry.asOf,
      now: nowMs,
      maxAgeSeconds,
    }),
    data: entry.data,
    asOf: entry.asOf,
    sample: entry.sample,
    cached: entry.cached,
    error: entry.error,
    rejected: entry.rejected,
  };
}

/**
 * Shows a query of a feed cache for as long as the calling component (or effect scope) lives: the query is
 * acquired while it is shown and released when it changes or the view goes away. A null query shows nothing yet.
 */
export function useFeedView<Q, T>(
  cache: FeedCache<Q, T>,
  query: MaybeRefOrGetter<Q | null>,
  maxAgeSeconds: () => number,
): ComputedRef<FeedView<T>> {
  const clock = useClockStore();
  const key = computed(() => {
    const q = toValue(query);
    return q === null ? null : cache.keyOf(q);
  });
  watch(
    key,
    (next, previous) => {
      if (previous) cache.release(previous);
      const q = toValue(query);
      if (next && q !== null) cache.acquire(q);
    },
    { immediate: true },
  );
  onScopeDispose(() => {
    if (key.value) cache.release(key.value);
  });
  return computed(() => viewOf(key.value ? (cache.entries.get(key.value) ?? null) : null, clock.nowMs, maxAgeSeconds()));
}
