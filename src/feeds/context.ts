import type { ApiClient } from '../api/client';
import type { PolledFeedId } from '../config/schema';

/** What every adapter needs: the client and each feed's URL template (`{code}` filled in per call). */
export interface FeedContext {
  client: ApiClient;
  urls: Record<PolledFeedId, string>;
}

/**
 * How an adapter is to ask: `signal` cancels the request (the view went away); `etag` names the copy the
 * caller already holds, so an unchanged answer comes back as "not modified" instead of the whole body; `retry`
 * false asks once, without the client's retries.
 */
export interface FeedRequest {
  signal?: AbortSignal;
  etag?: string | null;
  /** false: one request, no retries (the screen's probe of a failing API); default: the client's retry policy. */
  retry?: boolean;
}

export function feedUrl(ctx: FeedContext, feed: PolledFeedId, vars: Record<string, string> = {}): string {
  return ctx.urls[feed].replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(vars[name] ?? ''));
}

/** Query params for csv-style filters; empty lists are left out (meaning "all"). */
export function csvParams(query: Record<string, readonly (string | number)[] | string | undefined>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (typeof value === 'string') params[key] = value;
    else if (value.length) params[key] = value.join(',');
  }
  return params;
}
