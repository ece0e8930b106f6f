import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { effectScope, type EffectScope } from 'vue';
import type { FeedId } from '../../../src/contract/routes';
import { feedError } from '../../../src/feeds/feedError';
import type { FeedResult } from '../../../src/feeds/result';
import { createFeedCache, type FeedCache } from '../../../src/stores/feedCache';
import { viewOf } from '../../../src/stores/feedView';
import { useRecoveryStore } from '../../../src/stores/recovery';
import { setVisibility } from './liveFeedApi';

/**
 * A screen of eight feed caches sharing the app's recovery (the default of createFeedCache under a Pinia), over a
 * fake feed API that records every request and fails as it is told: the probing and catching up in fake time.
 */

const T0 = Date.parse('2026-11-21T09:00:00+07:00');
const HOUR = 3600;
const FEEDS: FeedId[] = ['meta', 'units', 'indicators', 'observations', 'national', 'service-kpis', 'events', 'boundaries'];
const asOf = '2026-11-21T09:00:00+07:00';

type ApiState = 'up' | 'down' | '503' | 'html' | 'malformed' | 'timeout' | '404' | 'schema';

interface Seen {
  /** ms since T0 */
  at: number;
  feed: FeedId;
  etag: string | null;
  retry: boolean;
}

const api = {
  state: 'up' as ApiState,
  /** Per-feed states, over `state`. */
  feeds: new Map<FeedId, ApiState>(),
  requests: [] as Seen[],
};

function answer(feed: FeedId, etag: string | null): FeedResult<number[]> {
  switch (api.feeds.get(feed) ?? api.state) {
    case 'up':
      return etag === `"${feed}"` ? { ok: true, notModified: true, etag } : { ok: true, data: [1], asOf, sample: true, rejected: [], etag: `"${feed}"` };
    case 'down':
      return { ok: false, error: feedError(feed, 'network', 'API unreachable') };
    case '503':
      return { ok: false, error: feedError(feed, 'http', 'HTTP 503', { status: 503 }) };
    case 'html':
      return { ok: false, error: feedError(feed, 'not-json', 'the API answered with a web page instead of data') };
    case 'malformed':
      return { ok: false, error: feedError(feed, 'malformed', 'the answer is not valid JSON') };
    case 'timeout':
      return { ok: false, error: feedError(feed, 'timeout', 'no answer in time') };
    case '404':
      return { ok: false, error: feedError(feed, 'not-found', 'HTTP 404', { status: 404 }) };
    case 'schema':
      return { ok: false, error: feedError(feed, 'schema', 'data.rows: expected an array', { field: 'data.rows' }) };
  }
}

interface Screen {
  pinia: Pinia;
  caches: Map<FeedId, FeedCache<string, number[]>>;
  view(feed: FeedId): ReturnType<typeof viewOf<number[]>>;
  statuses(): string[];
  /** Every cache asks every query in use now, as their ticks would: how an outage is found. */
  refreshAll(): Promise<void>;
  stop(): void;
}

let screens: Screen[] = [];

/** A screen: one cache per feed (cadences in seconds, default an hour), each showing one query. */
function startScreen(cadences: Partial<Record<FeedId, number>> = {}, feeds: readonly FeedId[] = FEEDS): Screen {
  const pinia = createPinia();
  setActivePinia(pinia);
  const scope: EffectScope = effectScope();
  const caches = new Map<FeedId, FeedCache<string, number[]>>();
  scope.run(() => {
    for (const feed of feeds) {
      const cache = createFeedCache<string, number[]>({
        feed,
        persist: false,
        key: (q) => q,
        load: async (_, request) => {
          api.requests.push({ at: Date.now() - T0, feed, etag: request.etag ?? null, retry: request.retry !== false });
          await Promise.resolve();
          return answer(feed, request.etag ?? null);
        },
        refreshSeconds: () => cadences[feed] ?? HOUR,
      });
      cache.acquire('all');
      caches.set(feed, cache);
    }
  });
  const screen: Screen = {
    pinia,
    caches,
    view: (feed) => viewOf(caches.get(feed)?.entries.get('all') ?? null, Date.now(), 2 * 86_400),
    statuses: () => feeds.map((feed) => screen.view(feed).status),
    async refreshAll() {
      await Promise.all([...caches.values()].map((cache) => cache.refreshDue(0)));
    },
    stop() {
      scope.stop();
      useRecoveryStore(pinia).$dispose();
    },
  };
  screens.push(screen);
  return screen;
}

const recovery = (screen: Screen) => useRecoveryStore(screen.pinia).snapshot();
/** Lets loads in flight settle (their promises), with time standing still. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
};
/** Moves the clock to `ms` since T0, running every timer due on the way. */
const at = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(T0 + ms - Date.now());
  await settle();
};
const since = (ms: number) => api.requests.filter((r) => r.at >= ms);

/** An outage found at 1 s: the API fails as `state` says, and every feed's query fails once. */
async function outage(screen: Screen, state: ApiState = '503') {
  await at(1_000);
  api.state = state;
  await screen.refreshAll();
  await settle();
}

/** With Math.random at 0.5, each probe waits half its ceiling: 2.5 s, 3.25 s, 4.225 s, … after the one before. */
const PROBES_AFTER_FAILURE = [2500, 5750, 9975, 15467, 22607, 31889, 43956, 59643, 80036, 106547, 141011, 185815, 244060, 319778, 418212, 546176];

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
  api.state = 'up';
  api.feeds.clear();
  api.requests = [];
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});

afterEach(() => {
  for (const screen of screens) screen.stop();
  screens = [];
  delete (document as unknown as Record<string, unknown>).visibilityState;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a screen whose feed API fails probes it on a backoff, one request at a time', () => {
  it('probes eight failing feeds once per backoff step, not once per feed, each feed in turn, conditionally', async () => {
    const screen = startScreen();
    await settle();
    expect(screen.statuses().every((s) => s === 'ready')).toBe(true);
    await outage(screen);
    expect(since(1_000)).toHaveLength(8);
    expect(screen.statuses().every((s) => s === 'stale')).toBe(true);

    await at(1_000 + 10 * 60_000);
    const probes = since(1_001);
    expect(probes.map((p) => p.at - 1_000)).toEqual(PROBES_AFTER_FAILURE);
    // Each probe is one query, asked once (no retries), with the ETag of the copy held; the feeds take turns.
    expect(probes.every((p) => !p.retry && p.etag === `"${p.feed}"`)).toBe(true);
    expect(new Set(probes.slice(0, 8).map((p) => p.feed)).size).toBe(8);
    expect(screen.statuses().every((s) => s === 'stale')).toBe(true);
    expect(recovery(screen)).toMatchObject({ phase: 'probing', step: PROBES_AFTER_FAILURE.length, probes: PROBES_AFTER_FAILURE.length });
  });

  it('waits at most 5 minutes between probes, whatever the delays drawn', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.9999);
    const screen = startScreen();
    await outage(screen);
    await at(1_000 + 60 * 60_000);
    const times = [1_000, ...since(1_001).map((p) => p.at)];
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(gaps.slice(0, 4)).toEqual([4999, 6499, 8449, 10983]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(300_000);
    expect(gaps.slice(-3).every((gap) => gap > 299_000)).toBe(true);
  });

  it('waits at most the shortest cadence among the failing feeds, and their ticks leave them to the probe', async () => {
    const screen = startScreen({ 'service-kpis': 60 }, ['meta', 'service-kpis']);
    await outage(screen);
    await at(1_000 + 10 * 60_000);
    const probes = since(1_001);
    // The live KPIs' ticks (every minute) would have asked them ten times: only the probes asked, one at a time.
    expect(probes.every((p) => !p.retry)).toBe(true);
    expect(probes.map((p) => p.at - 1_000).slice(0, 11)).toEqual([2500, 5750, 9975, 15467, 22607, 31889, 43956, 59643, 80036, 106547, 136547]);
    const gaps = probes.slice(1).map((p, i) => p.at - (probes[i] as Seen).at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(60_000);
  });

  it.each<ApiState>(['down', '503', 'html', 'malformed', 'timeout'])('probes after a failure of kind "%s"', async (state) => {
    const screen = startScreen();
    await outage(screen, state);
    await at(1_000 + 7_000);
    expect(since(1_001).map((p) => p.at - 1_000)).toEqual([2500, 5750]);
    expect(screen.view('meta').error).not.toBeNull();
  });

  it.each<ApiState>(['404', 'schema'])('leaves an answer that says what is wrong ("%s") to the feed’s cadence', async (state) => {
    const screen = startScreen({}, ['meta']);
    await outage(screen, state);
    await at(89 * 60_000);
    expect(since(1_001)).toEqual([]);
    expect(recovery(screen).phase).toBe('idle');
    // Its ticks fall at half past each hour: the first a whole cadence after the failure asks again.
    await at(90 * 60_000);
    expect(since(1_001).map((p) => p.at)).toEqual([90 * 60_000]);
  });
});

describe('when the API answers a probe', () => {
  it('catches up every other failed query within 3 s, each at an instant of its own, then nothing is pending', async () => {
    const screen = startScreen();
    await settle();
    const timersHealthy = vi.getTimerCount();
    const data = screen.view('observations').data;
    await outage(screen, 'malformed');
    expect(vi.getTimerCount()).toBe(timersHealthy + 1);

    // Healed after the third probe; the fourth comes 15.5 s after the failure.
    await at(1_000 + 12_000);
    api.state = 'up';
    const draws = [0.1, 0.9, 0.3, 0.7, 0.5, 0.2, 0.8, 0.6];
    let draw = 0;
    vi.spyOn(Math, 'random').mockImplementation(() => draws[draw++ % draws.length] as number);
    await at(1_000 + 15_467);
    expect(since(1_000 + 15_467)).toHaveLength(1);
    await at(1_000 + 15_467 + 3_000);

    const probe = since(1_000 + 15_467)[0] as Seen;
    const caughtUp = since(1_000 + 15_467).slice(1);
    expect(caughtUp.map((r) => r.feed).sort()).toEqual(FEEDS.filter((feed) => feed !== probe.feed).sort());
    expect(caughtUp.map((r) => r.at - probe.at)).toEqual([300, 600, 900, 1500, 2100, 2400, 2700]);
    expect(caughtUp.every((r) => r.etag === `"${r.feed}"`)).toBe(true);
    expect(screen.statuses().every((s) => s === 'ready')).toBe(true);
    // A 304 keeps the very data held.
    expect(screen.view('observations').data).toBe(data);
    expect(recovery(screen)).toMatchObject({ phase: 'idle', step: 0 });
    expect(vi.getTimerCount()).toBe(timersHealthy);

    // Healed: no more probes, only the feeds' own ticks (at half past, their phase).
    const healedAt = Date.now() - T0;
    await at(29 * 60_000);
    expect(since(healedAt + 1)).toEqual([]);
  });

  it('goes on probing, one step further, for a feed that still fails after the others caught up', async () => {
    const screen = startScreen();
    await outage(screen);
    await at(1_000 + 12_000);
    api.state = 'up';
    api.feeds.set('observations', '503');
    // The probes take the feeds in turn: the first healed one asked is answered, and the others catch up.
    await at(1_000 + 120_000);
    const afterHeal = since(1_000 + 12_000);
    const others = afterHeal.filter((r) => r.feed !== 'observations');
    expect(others.map((r) => r.feed).sort()).toEqual(FEEDS.filter((feed) => feed !== 'observations').sort());
    expect(screen.statuses().filter((s) => s !== 'ready')).toEqual(['stale']);
    expect(screen.view('observations').status).toBe('stale');
    // From then on only observations is probed, at ceilings that go on growing from where they were.
    const lastOther = Math.max(...others.map((r) => r.at));
    const later = afterHeal.filter((r) => r.at > lastOther);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((r) => r.feed === 'observations' && !r.retry)).toBe(true);
    expect(recovery(screen).phase).toBe('probing');
    expect(recovery(screen).step).toBeGreaterThan(4);
  });

  it('brings the next probe forward to within 5 s when the network comes back (online)', async () => {
    const screen = startScreen();
    await outage(screen, 'down');
    // Seven probes have failed: the next would wait up to 31 s.
    await at(1_000 + 45_000);
    expect(since(1_001)).toHaveLength(7);
    api.state = 'up';
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await at(1_000 + 45_000 + 2_500);
    expect(since(1_000 + 45_001).map((r) => r.at)).toEqual([1_000 + 45_000 + 2_500]);
    await at(1_000 + 45_000 + 2_500 + 3_000);
    expect(screen.statuses().every((s) => s === 'ready')).toBe(true);
  });
});

describe('quiet while hidden', () => {
  it('never probes while the page is hidden, then probes once, at once, when it is shown again', async () => {
    const screen = startScreen();
    await outage(screen, 'down');
    await at(2_000);
    setVisibility('hidden');
    await at(2 * 3_600_000);
    expect(since(1_001)).toEqual([]);
    expect(recovery(screen).phase).toBe('probing');

    // Still down when shown: one probe at once, then the backoff again.
    setVisibility('visible');
    await settle();
    expect(since(1_001).map((r) => r.at)).toEqual([2 * 3_600_000]);

    // Hidden again, the API heals meanwhile: shown, the probe at once is answered and the rest catch up.
    setVisibility('hidden');
    api.state = 'up';
    await at(3 * 3_600_000);
    expect(since(2 * 3_600_000 + 1)).toEqual([]);
    setVisibility('visible');
    await at(3 * 3_600_000 + 3_000);
    expect(since(3 * 3_600_000)).toHaveLength(8);
    expect(screen.statuses().every((s) => s === 'ready')).toBe(true);
  });
});

describe('timers', () => {
  it('has a probe timer only while something fails, and none once the store is released', async () => {
    const screen = startScreen();
    await settle();
    const ticks = vi.getTimerCount();
    expect(ticks).toBe(FEEDS.length);
    await outage(screen);
    expect(vi.getTimerCount()).toBe(ticks + 1);
    screen.stop();
    screens = [];
    expect(vi.getTimerCount()).toBe(0);
  });

  it('has one timer per screen however many feeds fail, and leaves a query nobody shows any more alone', async () => {
    const screen = startScreen();
    await outage(screen);
    expect(vi.getTimerCount()).toBe(FEEDS.length + 1);
    for (const cache of screen.caches.values()) cache.release('all');
    await at(60_000);
    // The probe due found nothing in use waiting: it asked nothing, and nothing more is pending.
    expect(since(1_001)).toEqual([]);
    expect(recovery(screen).phase).toBe('idle');
    expect(vi.getTimerCount()).toBe(FEEDS.length);
  });
});
