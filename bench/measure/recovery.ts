/**
 * Recovery: `screens` screens (a fresh context each: overviews and walls on three kinds of scene, each under a
 * service worker) on a sample server of their own, loaded and ready. Then, for each way of breaking the API, every
 * feed is broken for 20 s: every feed answering 503, a web page or cut-off JSON (`POST /__mock/faults` with
 * `feed: "*"`), or the server stopped (connection refused) and started again on its port. The screens find out as
 * their feeds' ticks would (`window.__ioc.refresh` of every feed), or by being reloaded during the outage (they then
 * start on the copies kept on the device). Once every screen shows its panels out of date and has no request in
 * flight, the API stays broken 20 s more, and each screen's requests are counted until it heals; then the time from
 * healing to the first frame in which every panel is ready and every chart drawn (the page-side probe), per screen.
 *
 * Requests are counted in the browser (every `/api/` request a page sends), so that a stopped server's refused
 * connections count too. No `online` event is sent: nothing but the screens' own probes brings them back.
 */
import type { Browser } from 'playwright-core';
import { startSampleServer, type SampleServer } from '../../test/support/server';
import {
  BREAK_NAMES,
  FAULT_OF,
  oneAtATime,
  recordApi,
  refreshEveryFeed,
  serviceWorkerControls,
  untilQuiet,
  type ApiLog,
  type BreakKind,
} from '../../test/support/recovery';
import { arm, openSession, waitSettled, type Session } from '../lib/session';
import { summarise, type Summary } from '../lib/stats';

/**
 * How long every feed stays broken once every screen has found out: 20 screens breaking at once on two cores take
 * several seconds to find out (each failure redraws a page's panel frames), which would otherwise eat into it.
 */
export const BROKEN_MS = 20_000;
/** The screens' pages, in turn. */
export const RECOVERY_PAGES = ['/wall?rotate=0&scene=par', '/', '/wall?rotate=0&scene=services', '/wall?rotate=0&scene=headline'];

/** One outage: how the API broke, and how the screens found out (their ticks, or a reload). */
export interface RecoveryCase {
  kind: BreakKind;
  foundBy: 'ticks' | 'reload';
}

export interface RecoveryRow extends RecoveryCase {
  name: string;
  screens: number;
  /** From breaking the API to every screen showing its panels out of date, with no request in flight (s). */
  foundOutSeconds: number;
  /** From then to the API healed (s): BROKEN_MS, and the time a restarted server takes to listen. */
  brokenSeconds: number;
  /** Healed → every panel ready and every chart drawn, per screen (s). */
  secondsToReady: Summary;
  /** Requests each screen sent while broken, once it had found out. */
  requestsWhileBroken: Summary;
  /** The distinct queries each screen had failing. */
  failingQueries: Summary;
  /** Whether every screen sent its requests while broken one at a time (each after the one before had ended). */
  oneAtATime: boolean;
}

export interface RecoveryResult {
  screens: number;
  brokenMs: number;
  pages: string[];
  rows: RecoveryRow[];
}

export const RECOVERY_CASES: readonly RecoveryCase[] = [
  { kind: '503', foundBy: 'ticks' },
  { kind: 'html', foundBy: 'ticks' },
  { kind: 'malformed', foundBy: 'ticks' },
  { kind: 'refused', foundBy: 'ticks' },
  { kind: '503', foundBy: 'reload' },
  { kind: 'refused', foundBy: 'reload' },
];

interface Screen {
  session: Session;
  api: ApiLog;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function faults(server: SampleServer, method: 'POST' | 'DELETE', body?: Record<string, unknown>) {
  const response = await fetch(new URL('__mock/faults', server.url), {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} __mock/faults: HTTP ${response.status}`);
}

/** When the page's probe last saw every panel ready and every chart drawn, in ms since epoch. */
async function readyAtEpoch(screen: Screen, timeoutMs: number): Promise<number> {
  const state = await waitSettled(screen.session.page, { stableMs: 400, timeoutMs });
  const origin = await screen.session.page.evaluate(() => performance.timeOrigin);
  return origin + (state.readyAt as number);
}

export async function recovery(
  browser: Browser,
  options: { screens: number; cases?: readonly RecoveryCase[]; log?: (line: string) => void },
): Promise<RecoveryResult> {
  const env = { SAMPLE_DIPS: 'off' };
  let server = await startSampleServer(env);
  const screens: Screen[] = [];
  const rows: RecoveryRow[] = [];
  try {
    for (let i = 0; i < options.screens; i++) {
      const session = await openSession(browser, { origin: server.url });
      const screen = { session, api: recordApi(session.context) };
      screens.push(screen);
      await session.page.goto(new URL(RECOVERY_PAGES[i % RECOVERY_PAGES.length] as string, server.url).href, { waitUntil: 'commit' });
      await waitSettled(session.page, { stableMs: 400, timeoutMs: 60_000 });
      await serviceWorkerControls(session.page);
    }
    options.log?.(`  ${screens.length} screens ready`);

    for (const c of options.cases ?? RECOVERY_CASES) {
      const name = `${BREAK_NAMES[c.kind]}, found by ${c.foundBy === 'ticks' ? 'ticks' : 'a reload'}`;
      const brokeAt = Date.now();
      if (c.kind === 'refused') await server.stop();
      else await faults(server, 'POST', FAULT_OF[c.kind]);
      await Promise.all(
        screens.map(async ({ session }) => {
          if (c.foundBy === 'ticks') await refreshEveryFeed(session.page);
          else await session.page.reload({ waitUntil: 'load' });
          await session.page.waitForFunction(
            () => {
              const panels = [...document.querySelectorAll('[data-panel]')].filter((el) => el.checkVisibility({ visibilityProperty: true }));
              return panels.length > 0 && panels.every((el) => el.getAttribute('data-status') === 'stale' || el.getAttribute('data-status') === 'error');
            },
            null,
            { timeout: 30_000, polling: 100 },
          );
        }),
      );
      await Promise.all(screens.map((s) => untilQuiet(s.api)));
      for (const s of screens) await arm(s.session.page);
      const watchedFrom = Date.now();

      await sleep(BROKEN_MS);
      if (c.kind === 'refused') server = await startSampleServer(env, { port: server.port });
      else await faults(server, 'DELETE');
      const healedAt = Date.now();

      const readyAt = await Promise.all(screens.map((s) => readyAtEpoch(s, 180_000)));
      const row: RecoveryRow = {
        ...c,
        name,
        screens: screens.length,
        foundOutSeconds: Math.round((watchedFrom - brokeAt) / 100) / 10,
        brokenSeconds: Math.round((healedAt - watchedFrom) / 100) / 10,
        secondsToReady: summarise(readyAt.map((t) => Math.max(0, t - healedAt) / 1000)),
        requestsWhileBroken: summarise(screens.map((s) => s.api.sentBetween(watchedFrom, healedAt).length)),
        failingQueries: summarise(screens.map((s) => new Set(s.api.sentBetween(brokeAt, watchedFrom).map((r) => r.path)).size)),
        oneAtATime: screens.every((s) => oneAtATime(s.api.sentBetween(watchedFrom, healedAt))),
      };
      rows.push(row);
      options.log?.(
        `  ${name}: ready after ${row.secondsToReady.median} s (p95 ${row.secondsToReady.p95} s); ` +
          `${row.requestsWhileBroken.median} requests per screen while broken (max ${row.requestsWhileBroken.max})`,
      );
      for (const s of screens) s.api.clear();
    }
  } finally {
    for (const s of screens) await s.session.close();
    await server.stop();
  }
  return { screens: options.screens, brokenMs: BROKEN_MS, pages: RECOVERY_PAGES, rows };
}
