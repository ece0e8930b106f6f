import { defineStore } from 'pinia';
import { shallowReactive } from 'vue';
import type { FeedId } from '../contract/routes';
import type { FeedEntry } from './feedCache';

export interface RegisteredCache {
  feed: FeedId;
  entries: Map<string, FeedEntry<unknown>>;
  maxAgeSeconds: () => number;
}

/** Every feed cache of the app, so /status can show each query's state, errors and rejected rows. */
export const useFeedRegistryStore = defineStore('feedRegistry', () => {
  const caches = shallowReactive<RegisteredCache[]>([]);

  function register<T>(cache: { feed: FeedId; entries: Map<string, FeedEntry<T>> }, maxAgeSeconds: () => number) {
    caches.push({ feed: cache.feed, entries: cache.entries as unknown as Map<string, FeedEntry<unknown>>, maxAgeSeconds });
  }

  return { caches, register };
});
