import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createPinia, setActivePinia } from 'pinia';
import { effectScope, type EffectScope } from 'vue';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseConfig } from '../../../src/config/load';
import { createFeedContext } from '../../../src/config/feedContext';
import { toVnIso } from '../../../src/domain/time';
import { useRuntimeStore } from '../../../src/stores/runtime';
import { useServiceKpisStore } from '../../../src/stores/serviceKpis';
import { useGeographyStore } from '../../../src/stores/geography';
import { useRecoveryStore } from '../../../src/stores/recovery';
import type { ServiceKpiQuery } from '../../../src/feeds/serviceKpis';

/**
 * A live-KPI feed of our own behind msw/node, for the tests of polling and revalidation: it records every
 * request (when, and with which If-None-Match), sends an ETag with each answer and
 * answers 304 when the request names the current one, as the sample server does.
 */
export const ORIGIN = 'http://feeds.test';
export const API = `${ORIGIN}/api/v1`;

export interface SeenRequest {
  at: number;
  ifNoneMatch: string | null;
}

export interface LiveFeed {
  requests: SeenRequest[];
  /** The ETag of the feed's current answer: change it to change the answer. */
  etag: string;
  /** `up` answers; `down` fails as a dead network does; `failing` answers 503; `always-304` answers 304 whatever was asked. */
  state: 'up' | 'down' | 'failing' | 'always-304';
}

const row = (unit: string) => ({
  unit,
  level: 'commune',
  day: '2026-11-21',
  at: toVnIso(new Date()),
  counts: { received: 10, resolved: 8, resolvedOnTime: 8, pending: 2, overdue: 0 },
  rates: { 'on-time': 100 },
});

export function useLiveFeed(): LiveFeed {
  const feed: LiveFeed = { requests: [], etag: '"v1"', state: 'up' };
  const server = setupServer(
    http.get(`${API}/service-kpis`, ({ request }) => {
      const ifNoneMatch = request.headers.get('If-None-Match');
      feed.requests.push({ at: Date.now(), ifNoneMatch });
      if (feed.state === 'down') return HttpResponse.error();
      if (feed.state === 'failing') return HttpResponse.json({ type: 'about:blank', title: 'Service Unavailable', status: 503 }, { status: 503 });
      const headers = { ETag: feed.etag, 'Cache-Control': 'max-age=60' };
      if (feed.state === 'always-304' || ifNoneMatch === feed.etag) return new HttpResponse(null, { status: 304, headers });
      return HttpResponse.json({ asOf: toVnIso(new Date()), sample: true, data: { rows: [row('99001'), row('99002')] } }, { headers });
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    feed.requests = [];
    feed.etag = '"v1"';
    feed.state = 'up';
  });
  afterEach(() => {
    delete (document as unknown as Record<string, unknown>).visibilityState;
  });
  afterAll(() => server.close());
  return feed;
}

/**
 * One start of the app (a page load): its stores, with the live KPIs asked for every `refreshSeconds`, and no
 * retries unless `retries` says.
 */
export function startApp(refreshSeconds = 60, retries = 0) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const raw = JSON.parse(readFileSync(resolve(process.cwd(), 'public/config.json'), 'utf8'));
  raw.apiBase = API;
  raw.request = { timeoutMs: 5000, retries, retryBaseMs: 50 };
  raw.feeds['service-kpis'].refreshSeconds = refreshSeconds;
  const runtime = useRuntimeStore();
  const configure = (seconds: number) => {
    raw.feeds['service-kpis'].refreshSeconds = seconds;
    const config = parseConfig(raw);
    runtime.init(config, createFeedContext(config, `${ORIGIN}/`));
  };
  configure(refreshSeconds);
  const store = useServiceKpisStore();
  const views: EffectScope[] = [];
  return {
    store,
    /** A view showing a query until `close` (or the app stops). */
    open(query: ServiceKpiQuery = {}) {
      const scope = effectScope();
      views.push(scope);
      const view = scope.run(() => store.use(query))!;
      return { view, close: () => scope.stop() };
    },
    /** A new cadence in config.json, as an operator's edit would bring. */
    configure,
    /** The page goes away: views closed, the stores' timers and listeners released (the recovery's too). */
    stop() {
      for (const scope of views) scope.stop();
      store.$dispose();
      useGeographyStore(pinia).$dispose();
      useRecoveryStore(pinia).$dispose();
    },
  };
}

/** Lets answers in flight arrive (msw answers through promises, and time stands still under fake timers). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
}

/** Shows or hides the page, as switching tabs or turning a screen off does (undone after each test). */
export function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}
