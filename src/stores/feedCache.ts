import { markRaw, reactive } from 'vue';
import { getActivePinia } from 'pinia';
import { tryOnScopeDispose } from '@vueuse/core';
import type { FeedId } from '../contract/routes';
import type { FeedRequest } from '../feeds/context';
import { feedError, type FeedError } from '../feeds/feedError';
import type { FeedAnswer, FeedResult, Rejection } from '../feeds/result';
import { RETRY_ON_VIEW_MS, isDue } from '../domain/pollSchedule';
import { awaitsRecovery } from '../domain/recovery';
import { toVnIso } from '../domain/time';
import { readCached, writeCached } from './persist';
import { createFeedRecovery, useRecoveryStore, type AttemptOutcome, type FeedRecovery, type RecoveryMember } from './recovery';
import { useRefreshSchedule } from './refreshSchedule';

/** One query's state: the last good data stays when a later attempt fails. */
export interface FeedEntry<T> {
  readonly key: string;
  data: T | null;
  asOf: string | null;
  sample: boolean;
  /** The data is a copy kept in the browser from an earlier visit, not yet confirmed by the feed. */
  cached: boolean;
  /** When the last good data arrived or was confirmed unchanged (ms since epoch). */
  receivedAt: number | null;
  /** The ETag of `data`, sent as If-None-Match with the next request; null when the feed sent none. */
  etag: string | null;
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
  /** Asks the feed; `request.etag` names the copy held, and a "not modified" answer keeps it. */
  load: (query: Q, request: FeedRequest & { signal: AbortSignal }) => Promise<FeedResult<T>>;
  /** The feed's refresh interval from config; entries in use are reloaded this often. */
  refreshSeconds: () => number;
  /** Told of every finished load, e.g. to track whether the API can be reached. */
  onSettled?: (result: FeedResult<T>) => void;
  /** Whether an answer holds nothing (default: an empty list). */
  isEmpty?: (data: T) => boolean;
  /** Keep the last good answer in the browser across reloads (default true). */
  persist?: boolean;
  now?: () => number;
  /** Draws the refresh phase (default Math.random), and the probe's delays when this cache has a recovery of its own. */
  random?: () => number;
  /**
   * Who probes the API while a query of this cache fails, and catches up when it answers (src/stores/recovery.ts).
   * Default: the recovery store of the active Pinia, shared by every feed cache of the app (one probe per step for
   * the whole screen); without an active Pinia, a recovery of this cache's own.
   */
  recovery?: FeedRecovery;
}

interface Internal<Q> {
  query: Q;
  controller: AbortController | null;
  inflight: Promise<AttemptOutcome> | null;
  /**
   * The rows dropped from the data held (entry.rejected also tells of a refused answer): what a "not modified"
   * confirms, with the data.
   */
  heldRejected: Rejection[];
}

const defaultIsEmpty = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * Shares one request per query among every view that shows it, keeps the last good value (also across a
 * reload, in the browser), and refreshes only the entries in use. Data is stored raw (not deeply reactive):
 * it is replaced, never mutated. Call it during a store's setup: its refresh timers live and die with it.
 *
 * Gentle on the API: each query in use is asked once per cadence, on ticks at this cache's own random phase,
 * never while the page is hidden (src/stores/refreshSchedule.ts); each request names the copy held (its ETag),
 * and a "not modified" answer keeps that very data object, now confirmed. Views coming and going do not repeat
 * an attempt the API answered with a failure before the next cadence.
 *
 * Quick to recover: a query whose last attempt failed in a way only time mends (unreachable, a timeout, a 5xx, a
 * web page or broken JSON: src/domain/recovery.ts) is left to the screen's recovery (src/stores/recovery.ts),
 * which probes the API with one such query at a time on a backoff of seconds, and asks every waiting query again
 * within a few seconds of an answer. Meanwhile the ticks and the views leave those queries to it.
 *
 * An answer is not taken at face value when it would wipe good data: an empty answer where there were rows,
 * or an answer whose every row was rejected, counts as a failure and the last good data stays.
 */
export function createFeedCache<Q, T>(options: FeedCacheOptions<Q, T>) {
  const now = options.now ?? Date.now;
  const isEmpty = options.isEmpty ?? defaultIsEmpty;
  const persist = options.persist ?? true;
  const cadenceMs = () => options.refreshSeconds() * 1000;
  const entries = reactive(new Map<string, FeedEntry<T>>()) as Map<string, FeedEntry<T>>;
  const internals = new Map<string, Internal<Q>>();
  const recovery = options.recovery ?? (getActivePinia() ? useRecoveryStore() : createFeedRecovery({ random: options.random, now }));

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
        etag: kept?.etag ?? null,
        error: null,
        rejected: [],
        loading: false,
        requested: false,
        users: 0,
        lastAttemptAt: null,
      });
      internals.set(key, { query, controller: null, inflight: null, heldRejected: [] });
      entry = entries.get(key) as FeedEntry<T>;
    }
    return entry;
  }

  /** A "not modified" answer for an entry with nothing to keep cannot be used: it is an error, and says why. */
  function checkNotModified(entry: FeedEntry<T>, result: FeedResult<T>): FeedResult<T> {
    if (!result.ok || !result.notModified || entry.data !== null) return result;
    return { ok: false, error: feedError(options.feed, 'http', 'HTTP 304 Not Modified, but this device holds no copy of the data', { status: 304 }) };
  }

  /** Takes a finished load into the entry. */
  function settle(entry: FeedEntry<T>, result: FeedResult<T>) {
    if (!result.ok) {
      if (result.error.kind !== 'cancelled') entry.error = result.error;
      return;
    }
    if (result.notModified) confirm(entry, result.etag);
    else accept(entry, result);
  }

  /** The feed confirmed the data held: the same object stays (no panel redraws); it is current as of now. */
  function confirm(entry: FeedEntry<T>, etag: string | null) {
    entry.rejected = (internals.get(entry.key) as Internal<Q>).heldRejected;
    entry.asOf = toVnIso(new Date(now()));
    entry.cached = false;
    entry.receivedAt = now();
    entry.error = null;
    if (etag) entry.etag = etag;
  }

  function accept(entry: FeedEntry<T>, result: FeedAnswer<T>) {
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
    entry.etag = result.etag ?? null;
    (internals.get(entry.key) as Internal<Q>).heldRejected = result.rejected;
    if (persist) {
      writeCached(options.feed, entry.key, { data: result.data, asOf: result.asOf, sample: result.sample, savedAt: now(), etag: entry.etag });
    }
  }

  /**
   * Asks for a query unless a load of it is already on its way (then waits for that one), and tells the
   * recovery how it went. `retry: false` asks once, without the client's retries (a probe).
   */
  function attempt(query: Q, retry = true): Promise<AttemptOutcome> {
    const entry = entryFor(query);
    const internal = internals.get(entry.key) as Internal<Q>;
    if (internal.inflight && internal.controller && !internal.controller.signal.aborted) return internal.inflight;
    const controller = new AbortController();
    internal.controller = controller;
    entry.loading = true;
    entry.requested = true;
    entry.lastAttemptAt = now();
    const request = { signal: controller.signal, etag: entry.data === null ? null : entry.etag, ...(retry ? {} : { retry: false }) };
    const attempt = options
      .load(query, request)
      .then((answer): AttemptOutcome => {
        if (controller.signal.aborted) return 'cancelled';
        const result = checkNotModified(entry, answer);
        options.onSettled?.(result);
        settle(entry, result);
        const outcome = outcomeOf(result);
        recovery.report(outcome);
        return outcome;
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

  /** Loads a query unless a load of it is already on its way (then waits for that one). */
  function load(query: Q): Promise<void> {
    return attempt(query).then(() => undefined);
  }

  /** Views coming and going may ask again a query that failed once its last attempt is this old. */
  const retryOnViewMs = () => Math.min(cadenceMs(), RETRY_ON_VIEW_MS);

  /**
   * Whether a view that starts showing an entry should ask for it now: a first load always (even while the page
   * is hidden: it is not polling); confirmed data never (the ticks keep it fresh); an entry without confirmed
   * data unless the API answered a failed attempt within this cadence (or within RETRY_ON_VIEW_MS, when the
   * cadence is longer), so that views coming and going (a wall's scenes) cannot make a failing feed pay more than
   * one request a minute, while a map whose outlines failed at 7:00 does not wait for tomorrow's refresh. An entry
   * that waits for recovery is left to the screen's probe while one is under way.
   */
  function wantsLoad(entry: FeedEntry<T>): boolean {
    if (!entry.requested) return true;
    if (entry.data !== null && !entry.cached) return false;
    if (awaitsRecovery(entry.error) && recovery.active()) return false;
    return entry.error === null || isDue(entry.lastAttemptAt, now(), retryOnViewMs());
  }

  /**
   * A view starts showing a query: loads it when `wantsLoad` says so, or joins the load on its way; a query that
   * waits for recovery and is not asked now wakes the screen's probe.
   */
  function acquire(query: Q): FeedEntry<T> {
    const entry = entryFor(query);
    entry.users++;
    if (wantsLoad(entry)) void load(query);
    else if (awaitsRecovery(entry.error)) recovery.wake();
    return entry;
  }

  /** A view stops showing a query; a load nobody waits for any more is cancelled. */
  function release(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entry.users = Math.max(0, entry.users - 1);
    if (entry.users === 0) internals.get(key)?.controller?.abort();
  }

  /** Reloads every entry in use that `due` picks. */
  function refreshWhere(due: (entry: FeedEntry<T>) => boolean): Promise<void[]> {
    const loads: Promise<void>[] = [];
    for (const entry of entries.values()) {
      if (entry.users > 0 && due(entry)) loads.push(load((internals.get(entry.key) as Internal<Q>).query));
    }
    return Promise.all(loads);
  }

  /** Reloads every entry in use whose last attempt is at least `intervalMs` old (0: every entry in use). */
  function refreshDue(intervalMs: number): Promise<void[]> {
    return refreshWhere((entry) => isDue(entry.lastAttemptAt, now(), intervalMs));
  }

  /** A tick: the entries due, but not those waiting for recovery while the screen probes for them. */
  function tick(intervalMs: number): Promise<void[]> {
    const probing = recovery.active();
    return refreshWhere((entry) => isDue(entry.lastAttemptAt, now(), intervalMs) && !(probing && awaitsRecovery(entry.error)));
  }

  useRefreshSchedule({ intervalMs: cadenceMs, refreshDue: tick, random: options.random });

  /** The queries in use that wait for recovery, and asking one of them again, for the screen's recovery. */
  const member: RecoveryMember = {
    cadenceMs,
    waiting: () =>
      [...entries.values()].filter((entry) => entry.users > 0 && awaitsRecovery(entry.error)).map((entry) => ({ key: entry.key, lastAttemptAt: entry.lastAttemptAt })),
    attempt(key, { retry }) {
      const entry = entries.get(key);
      if (!entry || entry.users === 0) return Promise.resolve('cancelled');
      if (!awaitsRecovery(entry.error) && !entry.loading) return Promise.resolve('answered');
      return attempt((internals.get(key) as Internal<Q>).query, retry);
    },
  };
  tryOnScopeDispose(recovery.join(member));

  return { feed: options.feed, entries, keyOf: options.key, acquire, release, load, refreshDue, entryFor };
}

/** How a finished load counts for recovery: an answer (whatever it said), a failure only time mends, or called off. */
function outcomeOf(result: FeedResult<unknown>): AttemptOutcome {
  if (result.ok) return 'answered';
  if (result.error.kind === 'cancelled') return 'cancelled';
  return awaitsRecovery(result.error) ? 'failed' : 'answered';
}

export type FeedCache<Q, T> = ReturnType<typeof createFeedCache<Q, T>>;
