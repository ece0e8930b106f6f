/**
 * Cold loads: a fresh context (empty HTTP cache, no service worker, no localStorage) opens a page and the time
 * is read in the page, from navigation start to the first frame in which every panel is ready and every chart
 * has drawn. The blank page is a small static file of the same server, timed from navigation start to the end
 * of its load event, so that load times can also be given as a ratio to it.
 */
import type { Browser } from 'playwright-core';
import { cdpMetrics, openSession, waitSettled } from '../lib/session';
import { summarise, type Summary } from '../lib/stats';

export interface LoadRun {
  /** Navigation start → every panel ready and every chart drawn (ms). */
  readyMs: number;
  /** Navigation start → DOMContentLoaded and load (ms). */
  domContentLoadedMs: number;
  loadMs: number;
  /** Long tasks until ready: how many, and the longest (ms). */
  longTasks: number;
  longestTaskMs: number;
  /** Main-thread time spent in tasks and in script until ready (CDP Performance metrics, ms). */
  taskMs: number;
  scriptMs: number;
  /** API requests made until ready. */
  apiRequests: number;
  /** Same-origin JavaScript and CSS loaded until ready, as URL paths (the first view's chunks). */
  assets: string[];
}

export interface LoadResult {
  path: string;
  cpuThrottle: number;
  ready: Summary;
  /** ready / the blank page's median, per run. */
  ratio: Summary;
  taskMs: Summary;
  longestTaskMs: Summary;
  apiRequests: number;
  runs: LoadRun[];
}

interface PageTimings {
  domContentLoaded: number;
  load: number;
  resources: { name: string; initiatorType: string }[];
}

export async function coldLoadOnce(browser: Browser, origin: string, path: string, cpuThrottle: number): Promise<LoadRun> {
  const session = await openSession(browser, { origin, cpuThrottle });
  try {
    const { page, cdp } = session;
    await page.goto(new URL(path, origin).href, { waitUntil: 'commit' });
    const state = await waitSettled(page, { stableMs: 400, timeoutMs: 60_000 });
    const metrics = await cdpMetrics(cdp);
    const readyAt = state.readyAt as number;
    const timings = await page.evaluate((): PageTimings => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
        load: nav?.loadEventEnd ?? 0,
        resources: performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime <= ((window as unknown as { __bench: { state: { readyAt: number } } }).__bench.state.readyAt ?? Infinity))
          .map((e) => ({ name: e.name, initiatorType: (e as PerformanceResourceTiming).initiatorType })),
      };
    });
    const paths = timings.resources.map((r) => new URL(r.name)).filter((u) => u.origin === new URL(origin).origin);
    const tasks = state.longTasks.filter((t) => t.start <= readyAt);
    return {
      readyMs: Math.round(readyAt * 10) / 10,
      domContentLoadedMs: Math.round(timings.domContentLoaded),
      loadMs: Math.round(timings.load),
      longTasks: tasks.length,
      longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
      // Performance metrics are seconds of main-thread time since the page started: close enough to "until
      // ready", as the page is idle in the 400 ms it is watched for stability.
      taskMs: Math.round((metrics.TaskDuration ?? 0) * 1000),
      scriptMs: Math.round((metrics.ScriptDuration ?? 0) * 1000),
      apiRequests: paths.filter((u) => u.pathname.startsWith('/api/')).length,
      assets: [...new Set(paths.filter((u) => /\.(js|css)$/.test(u.pathname)).map((u) => u.pathname))],
    };
  } finally {
    await session.close();
  }
}

/** Navigation start → end of the load event of a small static file from the same server (ms). */
export async function blankOnce(browser: Browser, origin: string, path: string): Promise<number> {
  const session = await openSession(browser, { origin });
  try {
    await session.page.goto(new URL(path, origin).href, { waitUntil: 'load' });
    return await session.page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return Math.round((nav?.loadEventEnd ?? Number.NaN) * 10) / 10;
    });
  } finally {
    await session.close();
  }
}

export async function blankPage(browser: Browser, origin: string, runs: number, path = '/favicon.svg'): Promise<Summary> {
  await blankOnce(browser, origin, path); // warm the server's file cache, as for the app
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await blankOnce(browser, origin, path));
  return summarise(samples);
}

/**
 * `runs` cold loads of `path` from each origin, after one unmeasured load from each that warms its server (its
 * file cache and gzip, the sample's first answers) so every measured run sees the same server. With several
 * origins the runs alternate (a, b, a, b, …), so that a machine that slows down or speeds up over the minutes
 * weighs on each the same: that is how the large province is set against the normal one.
 */
export async function coldLoads(
  browser: Browser,
  origins: readonly { url: string; blankMedian: number }[],
  path: string,
  options: { runs: number; cpuThrottle: number; log?: (line: string) => void },
): Promise<LoadResult[]> {
  for (const origin of origins) await coldLoadOnce(browser, origin.url, path, 1);
  const runs: LoadRun[][] = origins.map(() => []);
  for (let i = 0; i < options.runs; i++) {
    for (const [k, origin] of origins.entries()) {
      const run = await coldLoadOnce(browser, origin.url, path, options.cpuThrottle);
      options.log?.(`  ${path} ×${options.cpuThrottle}${origins.length > 1 ? ` on ${new URL(origin.url).port}` : ''} run ${i + 1}: ready ${run.readyMs} ms`);
      runs[k]?.push(run);
    }
  }
  return origins.map((origin, k) => {
    const list = runs[k] ?? [];
    return {
      path,
      cpuThrottle: options.cpuThrottle,
      ready: summarise(list.map((r) => r.readyMs)),
      ratio: summarise(list.map((r) => r.readyMs / origin.blankMedian)),
      taskMs: summarise(list.map((r) => r.taskMs)),
      longestTaskMs: summarise(list.map((r) => r.longestTaskMs)),
      apiRequests: Math.max(...list.map((r) => r.apiRequests)),
      runs: list,
    };
  });
}
