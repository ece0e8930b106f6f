/**
 * `npm run loadtest -- --browser=MINUTES`: the requests one real screen makes, measured in Chromium at the real
 * cadences of public/config.json. A wall (rotating through its playlist) and an overview each run in their own
 * fresh context for MINUTES; every API request they make is counted by feed and by answer (200 or 304). The first
 * minute is switch-on (every query loaded once); the rest, scaled to an hour, is what a screen costs the API.
 * Writes loadtest/browser-results.json and prints a table. Not part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../test/support/browser';
import { REPO_ROOT, startSampleServer, type SampleServer } from '../../test/support/server';

const MINUTES = Number(process.env.LOADTEST_BROWSER_MINUTES || '10');
const SWITCH_ON_MS = 60_000;
const SCREENS = [
  { name: 'wall', path: '/wall' },
  { name: 'overview', path: '/' },
];

interface Seen {
  at: number;
  feed: string;
  status: number;
}

let browser: Browser;
let server: SampleServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startSampleServer({ SAMPLE_DIPS: 'off' })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The feed of an API path: /api/v1/units/99003/series → series, /api/v1/service-kpis → service-kpis. */
function feedOf(path: string): string {
  const parts = path.replace(/^\/api\/v1\//, '').split('/');
  return parts.length >= 3 && parts[2] === 'series' ? 'series' : (parts[0] ?? '?');
}

it(`counts one screen's API requests over ${MINUTES} minutes at the real cadences`, async () => {
  const started = Date.now();
  const seen = new Map<string, Seen[]>();
  const contexts = [];
  for (const screen of SCREENS) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const list: Seen[] = [];
    seen.set(screen.name, list);
    context.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/api/')) return;
      void request.response().then((response) => list.push({ at: Date.now() - started, feed: feedOf(url.pathname), status: response?.status() ?? 0 }));
    });
    const page = await context.newPage();
    await page.goto(new URL(screen.path, server.url).href);
    contexts.push(context);
  }
  for (let minute = 1; minute <= MINUTES; minute++) {
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    console.log(`  ${minute} min: ${[...seen].map(([name, list]) => `${name} ${list.length}`).join(', ')} requests`);
  }
  for (const context of contexts) await context.close();

  const steadyMinutes = MINUTES - SWITCH_ON_MS / 60_000;
  const screens = [...seen].map(([name, list]) => {
    const steady = list.filter((s) => s.at >= SWITCH_ON_MS);
    const byFeed: Record<string, { requests: number; notModified: number }> = {};
    for (const s of steady) {
      const entry = (byFeed[s.feed] ??= { requests: 0, notModified: 0 });
      entry.requests++;
      if (s.status === 304) entry.notModified++;
    }
    return {
      name,
      switchOn: list.length - steady.length,
      steady: steady.length,
      notModifiedShare: steady.length ? steady.filter((s) => s.status === 304).length / steady.length : 0,
      failed: list.filter((s) => s.status === 0 || s.status >= 400).length,
      perHour: Math.round((steady.length / steadyMinutes) * 60 * 10) / 10,
      byFeed,
    };
  });
  const results = { startedAt: new Date(started).toISOString(), minutes: MINUTES, screens };
  writeFileSync(resolve(REPO_ROOT, 'loadtest/browser-results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const pad = (text: string | number, width: number) => String(text).padStart(width);
  console.log('');
  console.log(`One screen in Chromium, ${MINUTES} min at the real cadences (first minute: switch-on)`);
  console.log('screen     switch-on  after  304 share  failed  requests/hour  by feed after switch-on (304s)');
  for (const s of screens) {
    const feeds = Object.entries(s.byFeed).map(([feed, f]) => `${feed} ${f.requests} (${f.notModified})`).join(', ');
    console.log(`${s.name.padEnd(9)}  ${pad(s.switchOn, 9)}  ${pad(s.steady, 5)}  ${pad(`${Math.round(s.notModifiedShare * 100)} %`, 9)}  ${pad(s.failed, 6)}  ${pad(s.perHour, 13)}  ${feeds}`);
  }
  console.log('\nWritten to loadtest/browser-results.json.');
  for (const s of screens) expect(s.switchOn, s.name).toBeGreaterThan(0);
});
