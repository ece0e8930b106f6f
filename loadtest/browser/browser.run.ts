/**
 * `npm run loadtest -- --browser=MINUTES`: the requests one real screen makes, measured in Chromium at the real
 * cadences of public/config.json. A wall (rotating through its playlist) and an overview each run in their own
 * fresh context for MINUTES, each on a sample server of its own, which counts its requests by feed and its 304s (the
 * browser's own view is a check: Chromium reports a 304 to a no-store fetch as aborted). The first minute is
 * switch-on (every query loaded once); the rest, scaled to an hour, is what a screen costs the API.
 * Writes loadtest/browser-results.json and prints a table. Not part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../test/support/browser';
import { DEFAULT_SAMPLE_NOW, readSampleClock, REPO_ROOT, startSampleServer, type SampleServer } from '../../test/support/server';

const MINUTES = Number(process.env.LOADTEST_BROWSER_MINUTES || '10');
const SWITCH_ON_MS = 60_000;
const SCREENS = [
  { name: 'wall', path: '/wall' },
  { name: 'overview', path: '/' },
];

let browser: Browser;
/** One sample server per screen, so each screen's requests are counted by the server itself. */
const servers = new Map<string, SampleServer>();

beforeAll(async () => {
  browser = await launchBrowser();
  // SAMPLE_NOW, and each page on its server's clock: the same Tuesday morning at any hour, never across the
  // wall's daily soft reload (03:00) or midnight, where the daily feeds change.
  for (const screen of SCREENS) servers.set(screen.name, await startSampleServer({ SAMPLE_DIPS: 'off', SAMPLE_NOW: DEFAULT_SAMPLE_NOW }));
});
afterAll(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.stop();
});

interface ServerCounts {
  counts: Record<string, number>;
  notModified: Record<string, number>;
}

/** What the server counted: requests and 304s by feed (Chromium reports a 304 to a no-store fetch as aborted). */
async function serverCounts(server: SampleServer): Promise<ServerCounts> {
  return (await (await fetch(new URL('__mock/requests', server.url))).json()) as ServerCounts;
}

it(`counts one screen's API requests over ${MINUTES} minutes at the real cadences`, async () => {
  const started = Date.now();
  /** API requests each screen's browser made, as it saw them: a check on its server's count. */
  const seen = new Map<string, number>();
  const contexts = [];
  for (const screen of SCREENS) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const server = servers.get(screen.name) as SampleServer;
    await context.clock.install({ time: (await readSampleClock(server.url)).epochMs });
    seen.set(screen.name, 0);
    context.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) seen.set(screen.name, (seen.get(screen.name) ?? 0) + 1);
    });
    const page = await context.newPage();
    await page.goto(new URL(screen.path, server.url).href);
    contexts.push(context);
  }
  const atSwitchOn = new Map<string, ServerCounts>();
  for (let minute = 1; minute <= MINUTES; minute++) {
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    if (minute === 1) for (const [name, server] of servers) atSwitchOn.set(name, await serverCounts(server));
    console.log(`  ${minute} min: ${[...seen].map(([name, n]) => `${name} ${n}`).join(', ')} requests`);
  }
  const atEnd = new Map<string, ServerCounts>();
  for (const [name, server] of servers) atEnd.set(name, await serverCounts(server));
  for (const context of contexts) await context.close();

  const steadyMinutes = MINUTES - SWITCH_ON_MS / 60_000;
  const screens = [...seen].map(([name, seenByBrowser]) => {
    const before = atSwitchOn.get(name) as ServerCounts;
    const after = atEnd.get(name) as ServerCounts;
    const byFeed: Record<string, { requests: number; notModified: number }> = {};
    for (const [feed, n] of Object.entries(after.counts)) {
      const requests = n - (before.counts[feed] ?? 0);
      if (requests > 0) byFeed[feed] = { requests, notModified: (after.notModified[feed] ?? 0) - (before.notModified[feed] ?? 0) };
    }
    const steady = Object.values(byFeed).reduce((sum, f) => sum + f.requests, 0);
    const notModified = Object.values(byFeed).reduce((sum, f) => sum + f.notModified, 0);
    return {
      name,
      switchOn: Object.values(before.counts).reduce((sum, n) => sum + n, 0),
      steady,
      notModifiedShare: steady ? notModified / steady : 0,
      seenByBrowser,
      perHour: Math.round((steady / steadyMinutes) * 60 * 10) / 10,
      byFeed,
    };
  });
  const results = { startedAt: new Date(started).toISOString(), minutes: MINUTES, screens };
  writeFileSync(resolve(REPO_ROOT, 'loadtest/browser-results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const pad = (text: string | number, width: number) => String(text).padStart(width);
  console.log('');
  console.log(`One screen in Chromium, ${MINUTES} min at the real cadences (first minute: switch-on)`);
  console.log('screen     switch-on  after  304 share  seen by browser  requests/hour  by feed after switch-on, at the server (304s)');
  for (const s of screens) {
    const feeds = Object.entries(s.byFeed).map(([feed, f]) => `${feed} ${f.requests} (${f.notModified})`).join(', ');
    console.log(`${s.name.padEnd(9)}  ${pad(s.switchOn, 9)}  ${pad(s.steady, 5)}  ${pad(`${Math.round(s.notModifiedShare * 100)} %`, 9)}  ${pad(s.seenByBrowser, 15)}  ${pad(s.perHour, 13)}  ${feeds}`);
  }
  console.log('\nWritten to loadtest/browser-results.json.');
  for (const s of screens) expect(s.switchOn, s.name).toBeGreaterThan(0);
});
