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

  it('does not ask a failing feed again for views that come and go: only its probe asks, on its backoff', async () => {
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
    // Half of each probe's ceiling (5 s, 6.5 s, 8.45 s, …) after the attempt before: none for the views.
    expect(times()).toEqual([0, 2_500, 5_750, 9_975, 15_467, 22_607]);
    // The probe never waits longer than the feed's cadence (60 s), and the ticks leave the feed to it.
    await at(5 * CADENCE);
    expect(times()).toEqual([
      0, 2_500, 5_750, 9_975, 15_467, 22_607, 31_889, 43_956, 59_643, 80_036, 106_547, 136_547, 166_547, 196_547, 226_547, 256_547, 286_547,
    ]);
  });

  it('probes a failing feed of a long cadence within seconds, backing off to 5 minutes, not to the cadence', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    feed.state = 'failing';
    const app = start(3600);
    app.open();
    await settle();
    // A wall's scenes come back every 20 s: the outlines that failed at boot are left to the probe.
    for (let i = 1; i <= 9; i++) {
      await at(i * 20_000);
      app.open().close();
    }
    await at(20 * 60_000);
    expect(times()).toEqual([
      0, 2_500, 5_750, 9_975, 15_467, 22_607, 31_889, 43_956, 59_643, 80_036, 106_547, 141_011, 185_815, 244_060, 319_778, 418_212, 546_176,
      696_176, 846_176, 996_176, 1_146_176,
    ]);
    feed.state = 'up';
    await at(20 * 60_000 + 150_000);
    const view = app.open();
    await settle();
    expect(view.view.value.status).toBe('ready');
  });

  it('leaves a query whose last attempt never reached the API to the probe, also for a view that opens it', async () => {
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
    // The probe at 2.5 s found the network still down; a view opening the query at 5 s does not ask it again.
    expect(times()).toEqual([0, 2_500]);
    expect(second.view.value.status).toBe('error');
    // The next probe, 3.25 s later, is answered.
    await at(5_750);
    expect(times()).toEqual([0, 2_500, 5_750]);
    expect(second.view.value.status).toBe('ready');
  });

  it('lets a view ask again a query that failed a minute ago or more, once the screen probes no more', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const app = start(3600);
    // A scene's query fails while the API is down, then its scene leaves.
    feed.state = 'down';
    const scene = app.open();
    await settle();
    expect(scene.view.value.status).toBe('error');
    scene.close();
    // The API is back; the probe due finds nothing shown that waits, and asks nothing.
    feed.state = 'up';
    await at(5 * 60_000);
    expect(times()).toEqual([0]);
    // The scene comes back: its query is asked at once.
    const again = app.open();
    await settle();
    expect(times()).toEqual([0, 5 * 60_000]);
    expect(again.view.value.status).toBe('ready');
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
  it('asks once, after a random delay within the first probe step, not at once, when the network comes back', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.6);
    const app = start();
    const { view } = app.open();
    await settle();

    // The network drops: an attempt fails without reaching the API; the probes find it still down.
    await at(1_000);
    feed.state = 'down';
    await app.store.cache.refreshDue(0);
    expect(view.value).toMatchObject({ status: 'stale', error: { kind: 'network' } });
    await at(30_000);
    expect(times()).toEqual([0, 1_000, 4_000, 7_900, 12_970, 19_561, 28_129]);

    feed.state = 'up';
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(times()).toHaveLength(7);

    // The probe comes within the first step's 5 s, not the 11 s the next step would have waited, and once.
    await at(30_000 + 5_000);
    expect(times()).toEqual([0, 1_000, 4_000, 7_900, 12_970, 19_561, 28_129, 33_000]);
    expect(view.value).toMatchObject({ status: 'ready', error: null });
  });
});
