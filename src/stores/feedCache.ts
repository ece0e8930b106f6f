import { markRaw, reactive } from 'vue';
import { useEventListener, useIntervalFn } from '@vueuse/core';
import type { FeedId } from '../contract/routes';
import { feedError, type FeedError } from '../feeds/feedError';
import type { FeedResult, Rejection } from '../feeds/result';
import { readCached, writeCached } from './persist';

/** One query's state: the last good data stays when a later attempt fails. */
export interface FeedEntry<T> {
  readonly key: string;
  data: T | null;
  asOf: string | null;
  sample: boolean;
  /** The data is a copy kept in the browser from an earlier visit, not yet confirmed by the feed. */
  cached: boolean;
  /** When the last good data arrived (ms since epoch). */
  receivedAt: number | null;
  /** The last attempt's error; cleared by the next success. */
  error: FeedError | null;
  rejected: Rejection[];
  loading: boolean;
  requested: boolean;
  /** Views currently showing this entry; only entries in use are refreshed. */
  users: number;
  lastAttemptAt: number | null;
}

export interface FeedCacheOptions<Q, T> {
  feed: FeedId;
  key: (query: Q) => string;
  load: (query: Q, signal: AbortSignal) => Promise<FeedResult<T>>;
  /** The feed's refresh interval from config; entries in use are reloaded this often. */
  refreshSeconds: () => number;
  /** Told of every finished load, e.g. to track whether the API can be reached. */
  onSettled?: (result: FeedResult<T>) => void;
  /** Whether an answer holds nothing (default: an empty list). */
  isEmpty?: (data: T) => boolean;
  /** Keep the last good answer in the browser across reloads (default true). */
  persist?: boolean;
  now?: () => number;
}

interface Internal<Q> {
  query: Q;
  controller: AbortController | null;
  inflight: Promise<void> | null;
}

const defaultIsEmpty = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * Shares one request per query among every view that shows it, keeps the last good value (also across a
 * reload, in the browser), and refreshes only the entries in use. Data is stored raw (not deeply reactive):
 * it is replaced, never mutated. Call it during a store's setup: its refresh timer lives and dies with it.
 *
 * An answer is not taken at face value when it would wipe good data: an empty answer where there were rows,
 * or an answer whose every row was rejected, counts as a failure and the last good data stays.
 */
export function createFeedCache<Q, T>(options: FeedCacheOptions<Q, T>) {
  const now = options.now ?? Date.now;
  const isEmpty = options.isEmpty ?? defaultIsEmpty;
  const persist = options.persist ?? true;
  const entries = reactive(new Map<string, FeedEntry<T>>()) as Map<string, FeedEntry<T>>;
  const internals = new Map<string, Internal<Q>>();

  function entryFor(query: Q): FeedEntry<T> {
    const key = options.key(query);
    let entry = entries.get(key);
    if (!entry) {
      const kept = persist ? readCached<T>(options.feed, key) : null;
      entries.set(key, {
        key,
        data: kept ? (markRaw(kept.data as object) as T) : null,
        asOf: kept?.asOf ?? null,
        sample: kept?.sample ?? false,
        cached: kept !== null,
        receivedAt: null,
        error: null,
        rejected: [],
        loading: false,
        requested: false,
        users: 0,
        lastAttemptAt: null,
      });
      internals.set(key, { query, controller: null, inflight: null });
      entry = entries.get(key) as FeedEntry<T>;
    }
    return entry;
  }

  /** Takes a finished load into the entry. */
  function settle(entry: FeedEntry<T>, result: FeedResult<T>) {
    if (!result.ok) {
      if (result.error.kind !== 'cancelled') entry.error = result.error;
      return;
    }
    entry.rejected = result.rejected;
    if (isEmpty(result.data) && result.rejected.length > 0) {
      const first = result.rejected[0]?.reason ?? '';
      entry.error = feedError(options.feed, 'rejected', `every row was rejected (${result.rejected.length}); first: ${first}`);
      return;
    }
    if (isEmpty(result.data) && entry.data !== null && !isEmpty(entry.data)) {
      entry.error = feedError(options.feed, 'empty', 'the feed answered with no rows');
      return;
    }
    entry.data = (result.data && typeof result.data === 'object' ? markRaw(result.data as object) : result.data) as T;
    entry.asOf = result.asOf;
    entry.sample = result.sample;
    entry.cached = false;
    entry.receivedAt = now();
    entry.error = null;
    if (persist) writeCached(options.feed, entry.key, { data: result.data, asOf: result.asOf, sample: result.sample, savedAt: now() });
  }

  /** Loads a query unless a load of it is already on its way (then waits for that one). */
  function load(query: Q): Promise<void> {
    const entry = entryFor(query);
    const internal = internals.get(entry.key) as Internal<Q>;
    if (internal.inflight && internal.controller && !internal.controller.signal.aborted) return internal.inflight;
    const controller = new AbortController();
    internal.controller = controller;
    entry.loading = true;
    entry.requested = true;
    entry.lastAttemptAt = now();
    const attempt = options
      .load(query, controller.signal)
      .then((result) => {
        if (controller.signal.aborted) return;
        options.onSettled?.(result);
        settle(entry, result);
      })
      .finally(() => {
        // A load cancelled and replaced by a newer one leaves the entry to the newer one.
        if (internal.controller !== controller) return;
        entry.loading = false;
        internal.inflight = null;
        internal.controller = null;
      });
    internal.inflight = attempt;
    return attempt;
  }

  /** A view starts showing a query: loads it unless it has fresh data or a load is on its way. */
  function acquire(query: Q): FeedEntry<T> {
    const entry = entryFor(query);
    entry.users++;
    if (entry.data === null || entry.cached || !entry.requested) void load(query);
    return entry;
  }

  /** A view stops showing a query; a load nobody waits for any more is cancelled. */
  function release(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entry.users = Math.max(0, entry.users - 1);
    if (entry.users === 0) internals.get(key)?.controller?.abort();
  }

  /** Reloads every entry in use whose last attempt is at least `intervalMs` old. */
  function refreshDue(intervalMs: number): Promise<void[]> {
    const due: Promise<void>[] = [];
    for (const entry of entries.values()) {
      if (entry.users > 0 && (entry.lastAttemptAt === null || now() - entry.lastAttemptAt >= intervalMs - 50)) {
        due.push(load((internals.get(entry.key) as Internal<Q>).query));
      }
    }
    return Promise.all(due);
  }

  useIntervalFn(() => refreshDue(options.refreshSeconds() * 1000), () => options.refreshSeconds() * 1000);
  // Back online (a tablet leaving a dead spot): ask at once rather than at the next scheduled refresh.
  if (typeof window !== 'undefined') useEventListener(window, 'online', () => void refreshDue(0));

  return { feed: options.feed, entries, keyOf: options.key, acquire, release, load, refreshDue, entryFor };
}

export type FeedCache<Q, T> = ReturnType<typeof createFeedCache<Q, T>>;
