import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { createFeedCache } from '../../../src/stores/feedCache';
import { useRefreshSchedule } from '../../../src/stores/refreshSchedule';
import type { FeedResult } from '../../../src/feeds/result';
import { setVisibility, settle, startApp, useLiveFeed } from './liveFeedApi';

const feed = useLiveFeed();
const T0 = Date.parse('2026-11-21T09:00:00+07:00');
const CADENCE = 60_000;
let apps: ReturnType<typeof startApp>[] = [];
const start = (refreshSeconds = CADENCE / 1000) => {
  const app = startApp(refreshSeconds);
  apps.push(app);
  return app;
};
/** When each request came, in ms since the test began. */
const times = () => feed.requests.map((r) => r.at - T0);
/** Moves the clock to `ms` since the test began, running every timer due on the way. */
const at = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(T0 + ms - Date.now());
  await settle();
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});

afterEach(() => {
  for (const app of apps) app.stop();
  apps = [];
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('polling: one request per query per cadence per screen', () => {
  it('asks once per cadence however many views show the same query, over several cadences', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.25);
    const app = start();
    const views = [app.open(), app.open(), app.open()].map((v) => v.view);
    await settle();
    await at(6 * CADENCE);
    // The first load, then one request in each cadence that follows.
    expect(times().map((t) => Math.floor(t / CADENCE))).toEqual([0, 1, 2, 3, 4, 5]);
    for (const view of views) expect(view.value.status).toBe('ready');
    expect(views[1]?.value.data).toBe(views[0]?.value.data);
    expect(views[2]?.value.data).toBe(views[0]?.value.data);
  });

  it('does not ask a failing feed again for views that come and go, only at the next cadence', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    feed.state = 'failing';
    const app = start();
    const first = app.open();
    await settle();
    expect(first.view.value).toMatchObject({ status: 'error', error: { kind: 'http', status: 503 } });
    for (let i = 1; i <= 5; i++) {
      await at(i * 5_000);
      app.open().close();
    }
    expect(times()).toEqual([0]);
    await at(CADENCE + 30_000);
    expect(times()).toEqual([0, CADENCE + 30_000]);
  });

  it('lets a view ask a failing feed of a long cadence again after a minute, not after the cadence', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    feed.state = 'failing';
    const app = start(3600);
    app.open();
    await settle();
    // A wall's scenes come back every 20 s: the outlines that failed at boot are asked again once a minute.
    for (let i = 1; i <= 9; i++) {
      await at(i * 20_000);
      app.open().close();
    }
    await settle();
    expect(times()).toEqual([0, 60_000, 120_000, 180_000]);
    feed.state = 'up';
    await at(240_000);
    const view = app.open();
    await settle();
    expect(view.view.value.status).toBe('ready');
  });

  it('asks again for a view that opens a query whose last attempt never reached the API', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    feed.state = 'down';
    const app = start();
    const first = app.open();
    await settle();
    expect(first.view.value).toMatchObject({ status: 'error', error: { kind: 'network' } });
    await at(5_000);
    feed.state = 'up';
    const second = app.open();
    await settle();
    expect(times()).toEqual([0, 5_000]);
    expect(second.view.value.status).toBe('ready');
  });

  it('follows a new cadence from config.json at once', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const app = start();
    app.open();
    await settle();
    await at(10_000);
    app.configure(20);
    await at(65_000);
    expect(times()).toEqual([0, 20_000, 40_000, 60_000]);
  });
});

describe('jitter: screens switched on together do not ask in step', () => {
  it('spreads the ticks of 200 caches over the cadence, each quarter getting a fair share', async () => {
    const asked: number[][] = [];
    const scope = effectScope();
    scope.run(() => {
      for (let i = 0; i < 200; i++) {
        const mine: number[] = [];
        asked.push(mine);
        const cache = createFeedCache<string, number[]>({
          feed: 'service-kpis',
          persist: false,
          key: (q) => q,
          load: async (): Promise<FeedResult<number[]>> => {
            mine.push(Date.now() - T0);
            return { ok: true, data: [i], asOf: '2026-11-21T09:00:00+07:00', sample: false, rejected: [] };
          },
          refreshSeconds: () => CADENCE / 1000,
        });
        cache.acquire('all');
      }
    });
    await settle();
    await at(2 * CADENCE);
    scope.stop();

    // Each cache: the first load at once, then its first due tick, at its own phase of the cadence.
    expect(asked.every((times) => times[0] === 0 && times.length >= 2)).toBe(true);
    const phases = asked.map((times) => (times[1] as number) % CADENCE);
    const quarters = [0, 1, 2, 3].map((q) => phases.filter((p) => Math.floor(p / (CADENCE / 4)) === q).length);
    for (const count of quarters) {
      expect(count).toBeGreaterThanOrEqual(25);
      expect(count).toBeLessThanOrEqual(75);
    }
    // However they are spread, none asks more than once per cadence.
    for (const times of asked) for (let i = 1; i < times.length; i++) expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(CADENCE - 50);
  });
});

describe('one timer per schedule', () => {
  it('ticks at its phase, then once per cadence, on one pending timeout all the time, and none once released', async () => {
    const ticks: number[] = [];
    // A wall's leak check counts live intervals and timeouts apart: a timeout turning into an interval reads as a leak.
    const intervals = vi.spyOn(globalThis, 'setInterval');
    const scope = effectScope();
    scope.run(() =>
      useRefreshSchedule({
        intervalMs: () => CADENCE,
        refreshDue: () => ticks.push(Date.now() - T0),
        reconnect: () => undefined,
        random: () => 0.75,
      }),
    );
    // Before its first tick, after it, and a day of ticks later: a wall's leak check compares these counts.
    const pending: number[] = [vi.getTimerCount()];
    await at(CADENCE);
    pending.push(vi.getTimerCount());
    await at(24 * 60 * CADENCE);
    pending.push(vi.getTimerCount());
    expect(pending).toEqual([1, 1, 1]);
    expect(ticks.slice(0, 3)).toEqual([45_000, 105_000, 165_000]);
    expect(ticks).toHaveLength(24 * 60);
    expect(intervals).not.toHaveBeenCalled();
    scope.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('hidden means quiet', () => {
  it('asks nothing while the page is hidden, catches up once when it is shown, then keeps its schedule', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.25);
    const app = start();
    const { view } = app.open();
    await settle();
    await at(1_000);
    setVisibility('hidden');
    await at(5 * CADENCE + 1_000);
    expect(times()).toEqual([0]);

    setVisibility('visible');
    await settle();
    expect(times()).toEqual([0, 5 * CADENCE + 1_000]);
    expect(view.value.status).toBe('ready');

    // Ticks fall at 15 s into each cadence: the one 14 s after the catch-up is not due, the next one is.
    await at(6 * CADENCE + 14_000);
    expect(times()).toHaveLength(2);
    await at(6 * CADENCE + 16_000);
    expect(times()).toEqual([0, 5 * CADENCE + 1_000, 6 * CADENCE + 15_000]);
  });

  it('still loads a query a view opens while the page is hidden, then stays quiet', async () => {
    setVisibility('hidden');
    const app = start();
    const { view } = app.open();
    await settle();
    expect(view.value.status).toBe('ready');
    await at(4 * CADENCE);
    expect(times()).toEqual([0]);
  });
});

describe('back online', () => {
  it('asks once, after a random delay under the cap, not at once, when the network comes back', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.6);
    const app = start();
    const { view } = app.open();
    await settle();

    // The network drops: an attempt fails without reaching the API.
    await at(1_000);
    feed.state = 'down';
    await app.store.cache.refreshDue(0);
    expect(view.value).toMatchObject({ status: 'stale', error: { kind: 'network' } });

    await at(2_000);
    feed.state = 'up';
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(times()).toEqual([0, 1_000]);

    // The catch-up comes within the cap of min(cadence, 10 s), once, and the panel is current again.
    await at(2_000 + 10_000);
    expect(times()).toHaveLength(3);
    const delay = (times()[2] as number) - 2_000;
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThan(10_000);
    expect(view.value).toMatchObject({ status: 'ready', error: null });
  });
});
