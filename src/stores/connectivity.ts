import { defineStore } from 'pinia';
import { computed, reactive } from 'vue';
import { useOnline } from '@vueuse/core';
import type { FeedId } from '../contract/routes';
import type { FeedError } from '../feeds/feedError';
import type { FeedResult } from '../feeds/result';

export interface FeedOutage {
  feed: FeedId;
  error: FeedError;
  /** When this run of failures began (ms since epoch). */
  since: number;
}

/** Kinds of failure that mean the API cannot be reached, as opposed to a feed sending bad data. */
function isUnreachable(error: FeedError): boolean {
  return error.kind === 'network' || error.kind === 'timeout' || (error.kind === 'http' && (error.status ?? 0) >= 500);
}

/**
 * Whether the API can be reached, from the outcome of every feed's latest load: drives the offline
 * banner. A feed that answers with bad data is not an outage; its panels say so themselves.
 */
export const useConnectivityStore = defineStore('connectivity', () => {
  const outages = reactive(new Map<FeedId, FeedOutage>());
  /** Feeds whose latest answer was 401 or 403: the token in config.json is missing, wrong or expired. */
  const denied = reactive(new Map<FeedId, FeedOutage>());
  const online = useOnline();

  function report(feed: FeedId, result: FeedResult<unknown>, now = Date.now()) {
    if (result.ok || result.error.kind !== 'auth') denied.delete(feed);
    else denied.set(feed, { feed, error: result.error, since: denied.get(feed)?.since ?? now });
    if (result.ok) {
      outages.delete(feed);
      return;
    }
    if (!isUnreachable(result.error)) {
      outages.delete(feed);
      return;
    }
    const existing = outages.get(feed);
    outages.set(feed, { feed, error: result.error, since: existing?.since ?? now });
  }

  /** Reports for one feed, to hand to a feed cache's `onSettled`. */
  function reporter(feed: FeedId) {
    return (result: FeedResult<unknown>) => report(feed, result);
  }

  const current = computed(() => [...outages.values()].sort((a, b) => a.since - b.since));
  const offline = computed(() => !online.value || current.value.length > 0);

  const deniedFeeds = computed(() => [...denied.values()].sort((a, b) => a.since - b.since));

  return { outages: current, offline, online, denied: deniedFeeds, report, reporter };
});
