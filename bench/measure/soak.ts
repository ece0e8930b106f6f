/**
 * Soak: a day of wall time in a few minutes. The wall (rotation off, no daily reload, burn-in shifts every
 * second) is stepped through `sceneChanges` scenes with →, each left once its panels are ready and its charts
 * have a canvas; after each step the live feed is asked again twice through `window.__ioc.refresh('service-kpis')`
 * (the path its refresh timer takes). A day at the configured pace is 1,440 scene changes (one a minute) and
 * 2,880 live refreshes (one every 30 s). The refreshes are counted on the server (`/__mock/requests`).
 *
 * At the start and at the end, on the same scene (the first index scene: map and charts), settled: the JS heap
 * after a forced garbage collection (and, from a heap snapshot, how much of it is compiled code and how much the
 * app's data), DOM nodes, live chart instances, window/document listeners and timers.
 *
 * The start is taken after a warm-up: rounds of 20 playlists, until a round adds less than WARM_BYTES to the heap
 * (at most WARM_ROUNDS rounds). V8 compiles the hot paths of the app and ECharts to bytecode and machine code
 * over the first hundreds of scene changes (about 3 MB on this app, then flat): that is the JIT warming up, not the
 * page keeping what it should let go, and the warm-up rounds and the curve are in the results to show it.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { liveResources, type LiveResources } from '../../test/support/instrument';
import { arm, openSession, waitSettled } from '../lib/session';
import { heapStats, type HeapStats } from '../lib/heapStats';
import { playlistKeys } from './rotation';

export interface SoakSnapshot extends LiveResources {
  scene: string;
  /** JS heap in use after a forced garbage collection (bytes). */
  heapUsed: number;
  /** The same heap, from a snapshot taken right after: compiled code, and the app's data. */
  heap: HeapStats;
  /** Elements in the document. */
  elements: number;
  /** DOM nodes alive in the renderer, attached or not (CDP Memory.getDOMCounters). */
  domNodes: number;
  /** Event listeners on every target (CDP Memory.getDOMCounters). */
  jsEventListeners: number;
}

/** A warm-up round adding less than this to the heap after GC ends the warm-up. */
export const WARM_BYTES = 500_000;
export const WARM_ROUNDS = 4;

export interface SoakResult {
  /** Warm-up: scene changes, and the heap after GC after each round. */
  warmUp: { sceneChanges: number; heapUsed: number }[];
  sceneChanges: number;
  /** JS heap after a forced GC every `checkpointEvery` scene changes (not settled: the trend, not the figure). */
  heapCurve: { sceneChanges: number; heapUsed: number }[];
  liveRefreshes: number;
  minutes: number;
  start: SoakSnapshot;
  end: SoakSnapshot;
}

async function snapshot(page: Page, cdp: CDPSession, scene: string): Promise<SoakSnapshot> {
  await arm(page, { scene });
  await waitSettled(page, { stableMs: 1500 });
  await page.evaluate(() => (window as unknown as { __bench: { clearTasks(): void } }).__bench.clearTasks());
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(200);
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const heap = await heapStats(cdp);
  const dom = await cdp.send('Memory.getDOMCounters');
  const live = await liveResources(page);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { scene, heapUsed: usedSize, heap, elements, domNodes: dom.nodes, jsEventListeners: dom.jsEventListeners, ...live };
}

/**
 * Steps the wall `count` times from the page itself (one round trip per batch): → on window, then wait for the
 * expected scene to be ready with its charts' canvases, then two live refreshes.
 */
async function steps(page: Page, keys: readonly string[], from: number, count: number): Promise<void> {
  await page.evaluate(
    async ({ keys, from, count }) => {
      const w = window as unknown as {
        __bench: { arm(spec: object): void; settled(ms: number): boolean };
        __ioc: { refresh(feed: string): Promise<void> };
      };
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let i = 1; i <= count; i++) {
        const scene = keys[(from + i) % keys.length] as string;
        w.__bench.arm({ scene, charts: 'canvas' });
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight', bubbles: true }));
        const deadline = performance.now() + 15_000;
        while (!w.__bench.settled(0)) {
          if (performance.now() > deadline) throw new Error(`scene ${scene} not ready within 15 s`);
          await frame();
        }
        await w.__ioc.refresh('service-kpis');
        await w.__ioc.refresh('service-kpis');
      }
    },
    { keys, from, count },
  );
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function liveRequests(origin: string): Promise<number> {
  const body = (await (await fetch(new URL('__mock/requests', origin))).json()) as { counts: Record<string, number> };
  return body.counts['service-kpis'] ?? 0;
}

export async function soak(
  browser: Browser,
  origin: string,
  options: { sceneChanges: number; log?: (line: string) => void },
): Promise<SoakResult> {
  const keys = await playlistKeys(origin);
  const session = await openSession(browser, {
    origin,
    instrument: true,
    config: (config) => {
      config.wall.softReloadAt = null;
      config.wall.burnIn.everySeconds = 1;
    },
  });
  try {
    const { page, cdp } = session;
    await page.goto(new URL(`/wall?rotate=0&scene=${keys[0]}`, origin).href, { waitUntil: 'commit' });
    await waitSettled(page, { stableMs: 500 });
    // To the first index scene, then warm-up rounds of 20 playlists (each ends where it began).
    let at = Math.max(0, keys.findIndex((k) => k.startsWith('index:')));
    await steps(page, keys, 0, at);
    const round = keys.length * 20;
    const warmUp = [{ sceneChanges: 0, heapUsed: await heapAfterGc(cdp) }];
    for (let i = 0; i < WARM_ROUNDS; i++) {
      await steps(page, keys, at, round);
      at += round;
      warmUp.push({ sceneChanges: (i + 1) * round, heapUsed: await heapAfterGc(cdp) });
      const added = (warmUp.at(-1)?.heapUsed ?? 0) - (warmUp.at(-2)?.heapUsed ?? 0);
      options.log?.(`  warm-up ${(i + 1) * round} scene changes: heap ${((warmUp.at(-1)?.heapUsed ?? 0) / 1e6).toFixed(2)} MB (+${(added / 1e6).toFixed(2)})`);
      if (added < WARM_BYTES) break;
    }
    const scene = keys[at % keys.length] as string;
    const start = await snapshot(page, cdp, scene);
    options.log?.(`  start on ${scene}: heap ${(start.heapUsed / 1e6).toFixed(2)} MB, ${start.domNodes} DOM nodes, ${start.charts} charts`);

    const requestsBefore = await liveRequests(origin);
    const began = Date.now();
    const batch = keys.length * 5;
    const heapCurve = [{ sceneChanges: 0, heapUsed: start.heapUsed }];
    for (let done = 0; done < options.sceneChanges; done += batch) {
      const count = Math.min(batch, options.sceneChanges - done);
      await steps(page, keys, at, count);
      at += count;
      if ((done + count) % round === 0 || done + count === options.sceneChanges) {
        heapCurve.push({ sceneChanges: done + count, heapUsed: await heapAfterGc(cdp) });
        options.log?.(`  ${done + count} scene changes, ${((Date.now() - began) / 60_000).toFixed(1)} min, heap ${((heapCurve.at(-1)?.heapUsed ?? 0) / 1e6).toFixed(2)} MB`);
      }
    }
    const liveRefreshes = (await liveRequests(origin)) - requestsBefore;
    const minutes = (Date.now() - began) / 60_000;
    const end = await snapshot(page, cdp, keys[at % keys.length] as string);
    options.log?.(`  end on ${end.scene}: heap ${(end.heapUsed / 1e6).toFixed(2)} MB, ${end.domNodes} DOM nodes, ${end.charts} charts`);
    return { warmUp, sceneChanges: options.sceneChanges, heapCurve, liveRefreshes, minutes: Math.round(minutes * 10) / 10, start, end };
  } finally {
    await session.close();
  }
}
