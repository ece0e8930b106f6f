/**
 * Breaking every feed of the sample API at once and watching screens come back, for the browser tests of recovery
 * (test/e2e/recovery.test.ts) and the bench's recovery measure (bench/measure/recovery.ts).
 */
import type { BrowserContext, Page, Request } from 'playwright-core';
import { FEED_IDS } from '../../src/contract/routes';

/** How the API is broken: every feed answering 503, a web page, or cut-off JSON; or the server stopped (refused). */
export type BreakKind = '503' | 'html' | 'malformed' | 'refused';
export const BREAK_KINDS: readonly BreakKind[] = ['503', 'html', 'malformed', 'refused'];

/** The `/__mock/faults` body that breaks every feed (`feed: '*'`) in each way that the server can fake. */
export const FAULT_OF: Record<Exclude<BreakKind, 'refused'>, Record<string, unknown>> = {
  '503': { feed: '*', status: 503 },
  html: { feed: '*', html: true },
  malformed: { feed: '*', malformed: true },
};

export const BREAK_NAMES: Record<BreakKind, string> = {
  '503': 'HTTP 503',
  html: 'HTML instead of JSON',
  malformed: 'malformed JSON',
  refused: 'connection refused (server stopped)',
};

export interface ApiRequest {
  /** Path and query, e.g. /api/v1/observations?level=province */
  path: string;
  /** When it was sent, and when it finished or failed (ms since epoch; null while in flight). */
  start: number;
  end: number | null;
}

export interface ApiLog {
  readonly requests: readonly ApiRequest[];
  inFlight(): number;
  /** The requests sent in [from, to). */
  sentBetween(from: number, to: number): ApiRequest[];
  clear(): void;
}

/** Every API request the context's pages send, with when it went out and when it ended (nothing is rerouted). */
export function recordApi(context: BrowserContext): ApiLog {
  let requests: ApiRequest[] = [];
  const open = new Map<Request, ApiRequest>();
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/')) return;
    const seen: ApiRequest = { path: decodeURIComponent(url.pathname + url.search), start: Date.now(), end: null };
    requests.push(seen);
    open.set(request, seen);
  });
  const ended = (request: Request) => {
    const seen = open.get(request);
    if (!seen) return;
    seen.end = Date.now();
    open.delete(request);
  };
  context.on('requestfinished', ended);
  context.on('requestfailed', ended);
  return {
    get requests() {
      return requests;
    },
    inFlight: () => open.size,
    sentBetween: (from, to) => requests.filter((r) => r.start >= from && r.start < to),
    clear() {
      requests = [];
    },
  };
}

/** Whether each request went out only after the one before had ended: one at a time, never a burst. */
export function oneAtATime(requests: readonly ApiRequest[]): boolean {
  return requests.every((r, i) => i === 0 || (requests[i - 1]?.end ?? Infinity) <= r.start);
}

/**
 * Every feed's queries in use asked again now (`window.__ioc.refresh`, the path each feed's refresh tick takes), as
 * if every tick fell inside the outage: how a screen finds out in a test that the API is broken.
 */
export async function refreshEveryFeed(page: Page): Promise<void> {
  await page.evaluate(async (feeds) => {
    const ioc = (window as unknown as { __ioc: { refresh(feed: string): Promise<void> } }).__ioc;
    await Promise.all(feeds.map((feed) => ioc.refresh(feed)));
  }, [...FEED_IDS]);
}

/** Resolves once no API request of `log` has been in flight for `quietMs`. */
export async function untilQuiet(log: ApiLog, quietMs = 500, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = log.inFlight() === 0 ? Date.now() : null;
  while (quietSince === null || Date.now() - quietSince < quietMs) {
    if (Date.now() > deadline) throw new Error(`API requests still in flight after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (log.inFlight() > 0) quietSince = null;
    else quietSince ??= Date.now();
  }
}

/** Resolves once the page's service worker controls it (it can then be reloaded with the server stopped). */
export function serviceWorkerControls(page: Page, timeout = 30_000): Promise<unknown> {
  return page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout, polling: 100 });
}
