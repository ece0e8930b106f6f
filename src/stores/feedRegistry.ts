import { defineStore } from 'pinia';
import { shallowReactive } from 'vue';
import type { FeedId } from '../contract/routes';
import type { FeedEntry } from './feedCache';

export interface RegisteredCache {
  feed: FeedId;
  entries: Map<string, FeedEntry<unknown>>;
  maxAgeSeconds: () => number;
  /** Reloads the entries in use whose last attempt is at least `intervalMs` old (the refresh timer's job). */
  refreshDue: (intervalMs: number) => Promise<unknown>;
}

/** Every feed cache of the app, so /status can show each query's state, errors and rejected rows. */
export const useFeedRegistryStore = defineStore('feedRegistry', () => {
  const caches = shallowReactive<RegisteredCache[]>([]);

  function register<T>(
    cache: { feed: FeedId; entries: Map<string, FeedEntry<T>>; refreshDue: (intervalMs: number) => Promise<unknown> },
    maxAgeSeconds: () => number,
  ) {
    caches.push({ feed: cache.feed, entries: cache.entries as unknown as Map<string, FeedEntry<unknown>>, maxAgeSeconds, refreshDue: cache.refreshDue });
  }

  /**
   * Asks every query of `feed` in use again now, as its refresh timer would when due; resolves when they have
   * settled. For scripts that run days of refreshes in minutes (the bench's soak).
   */
  async function refreshNow(feed: FeedId): Promise<void> {
    await Promise.all(caches.filter((c) => c.feed === feed).map((c) => c.refreshDue(0)));
  }

  return { caches, register, refreshNow };
});
