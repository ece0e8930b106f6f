import { http, type HttpHandler } from 'msw';
import { FEED_IDS, type FeedId } from '../../src/contract/routes';
import { toVnIso } from '../../src/domain/time';
import { jsonResponse } from './respond';

/** Where the request counter lives, next to the fault control endpoint. */
export const REQUESTS_PATH = '/__mock/requests';

export interface RequestCounts {
  /** When counting started: the last reset, or the handlers' creation (ISO 8601, +07:00). */
  since: string;
  /** API requests per feed since then, every feed listed (0 when none). */
  counts: Record<FeedId, number>;
  /** Of those, the ones answered 304 Not Modified (If-None-Match named the answer's ETag), per feed. */
  notModified: Record<FeedId, number>;
}

/**
 * API requests per feed, for tests of the retry budget and the load test: every request to a feed's route
 * counts, whatever answered it (the data, a 304, a fault, a 401); 304s are also counted on their own. The
 * control endpoints and unknown paths do not count.
 */
export interface RequestCounter {
  count(feed: FeedId): void;
  /** A request of `feed` (already counted) was answered 304 Not Modified. */
  countNotModified(feed: FeedId): void;
  read(): RequestCounts;
  reset(): void;
}

export function createRequestCounter(now: () => Date = () => new Date()): RequestCounter {
  const zero = () => Object.fromEntries(FEED_IDS.map((feed) => [feed, 0])) as Record<FeedId, number>;
  let counts = zero();
  let notModified = zero();
  let since = toVnIso(now());
  return {
    count(feed) {
      counts[feed] += 1;
    },
    countNotModified(feed) {
      notModified[feed] += 1;
    },
    read: () => ({ since, counts: { ...counts }, notModified: { ...notModified } }),
    reset() {
      counts = zero();
      notModified = zero();
      since = toVnIso(now());
    },
  };
}

/**
 * The counter's endpoint, as msw handlers (browser worker, node server and msw/node alike):
 * - `GET /__mock/requests` → `{ since, counts: { <feed>: n }, notModified: { <feed>: n } }`
 * - `DELETE /__mock/requests` resets every count and answers the fresh state.
 */
export function createRequestCounterHandlers(counter: RequestCounter): HttpHandler[] {
  const pattern = `*${REQUESTS_PATH}`;
  return [
    http.get(pattern, () => jsonResponse(counter.read())),
    http.delete(pattern, () => {
      counter.reset();
      return jsonResponse(counter.read());
    }),
  ];
}
