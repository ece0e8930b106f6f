import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { AppConfig } from '../config/schema';
import type { FeedContext } from '../feeds/context';

/** The validated runtime config and the feed context built from it, set once at start-up. */
export const useRuntimeStore = defineStore('runtime', () => {
  const config = shallowRef<AppConfig | null>(null);
  const feeds = shallowRef<FeedContext | null>(null);

  function init(nextConfig: AppConfig, context: FeedContext) {
    config.value = nextConfig;
    feeds.value = context;
  }

  function requireConfig(): AppConfig {
    if (!config.value) throw new Error('runtime config used before start-up');
    return config.value;
  }

  function requireFeeds(): FeedContext {
    if (!feeds.value) throw new Error('feed context used before start-up');
    return feeds.value;
  }

  return { config, feeds, init, requireConfig, requireFeeds };
});
