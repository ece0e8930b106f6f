import { createApiClient } from '../api/client';
import type { FeedContext } from '../feeds/context';
import { POLLED_FEEDS, type AppConfig, type PolledFeedId } from './schema';

/** Builds the one API client and each feed's URL from the runtime config; `pageUrl` resolves a relative apiBase. */
export function createFeedContext(config: AppConfig, pageUrl: string): FeedContext {
  const baseUrl = new URL(config.apiBase, pageUrl).toString();
  const client = createApiClient({
    baseUrl,
    timeoutMs: config.request.timeoutMs,
    maxBytes: config.request.maxBytes,
    retry: { retries: config.request.retries, baseMs: config.request.retryBaseMs, maxMs: config.request.retryBaseMs * 16 },
    auth: config.auth,
  });
  const urls = Object.fromEntries(POLLED_FEEDS.map((id) => [id, config.feeds[id].url])) as Record<PolledFeedId, string>;
  return { client, urls };
}
