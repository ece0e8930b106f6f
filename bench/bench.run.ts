/**
 * `npm run bench` (see bench/cli.mjs): every measurement in one run, against the built app and sample server,
 * in headless Chromium. Writes bench/results.json and prints the tables. It asserts no timing: it fails only
 * when the bench itself broke (a page never became ready, a server did not start).
 *
 * Environment (set by cli.mjs): BENCH_QUICK=1 for fewer samples while working on the bench;
 * BENCH_ONLY=loads,bytes,drill,rotation,idle,soak,large,recovery to run a part.
 */
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../test/support/browser';
import { DEFAULT_SAMPLE_NOW, REPO_ROOT, startSampleServer, type SampleServer } from '../test/support/server';
import { blankPage, coldLoads, type LoadResult } from './measure/coldLoad';
import type { Summary } from './lib/stats';
import { firstViewBytes } from './measure/bytes';
import { drillDown } from './measure/drill';
import { idleCpu, rotation } from './measure/rotation';
import { soak } from './measure/soak';
import { RECOVERY_CASES, recovery, type RecoveryResult } from './measure/recovery';
import { checkBudgets } from './report/budgets';
import { formatResults } from './report/table';
import type { BenchResults, LargeResults, ProvinceResults } from './report/results';

const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
const runs = (part: string) => ONLY.size === 0 || ONLY.has(part);

const SETTINGS = {
  runs: QUICK ? 2 : 5,
  clicks: QUICK ? 5 : 24,
  rotationSteps: QUICK ? 12 : 50,
  soakSceneChanges: QUICK ? 180 : 1440,
  recoveryScreens: QUICK ? 5 : 20,
  quick: QUICK,
};
const LARGE_COMMUNES = 168;
const BLANK = '/favicon.svg';
/** The wall opens on its first scene (the headline, no chart); the first index scene has the map and the charts. */
const PAGES = ['/', '/wall', '/wall?scene=par'];

const log = (line: string) => console.log(line);

let browser: Browser;
const servers: SampleServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.stop();
});

async function startProvince(communes: number | null): Promise<{ server: SampleServer; blank: Summary }> {
  // SAMPLE_NOW: every run loads the same Tuesday mid-morning, with files and figures, whatever the hour.
  const server = await startSampleServer({ SAMPLE_DIPS: 'off', SAMPLE_NOW: DEFAULT_SAMPLE_NOW, ...(communes ? { COMMUNES: String(communes) } : {}) });
  servers.push(server);
  return { server, blank: await blankPage(browser, server.url, SETTINGS.runs, BLANK) };
}

async function communesOf(server: SampleServer): Promise<number> {
  const units = (await (await fetch(new URL('api/v1/units?level=commune', server.url))).json()) as { data: { units: unknown[] } };
  return units.data.units.length;
}

it('measures the dashboard', async () => {
  const started = Date.now();
  const sample = await startProvince(null);
  const server = sample.server;
  const origin = { url: server.url, blankMedian: sample.blank.median };
  const normal: ProvinceResults = { communes: await communesOf(server), blank: sample.blank, loads: [], drill: null };

  if (runs('loads') || runs('bytes')) {
    for (const cpuThrottle of runs('loads') ? [1, 4] : [1]) {
      for (const path of PAGES) {
        log(`cold load ${path} ×${cpuThrottle}`);
        normal.loads.push(...(await coldLoads(browser, [origin], path, { runs: SETTINGS.runs, cpuThrottle, log })));
      }
    }
  }
  // The wall's own first view, and a wall that opens on an index scene (the map and the charts, ECharts with them).
  const bytes = PAGES
    .map((path) => normal.loads.find((l) => l.path === path && l.cpuThrottle === 1))
    .filter((l): l is LoadResult => l !== undefined)
    .map((l) => firstViewBytes(l.path, l.runs[0]?.assets ?? []));
  if (runs('drill') || runs('large')) {
    log('drill-down');
    normal.drill = await drillDown(browser, server.url, { clicks: SETTINGS.clicks, log });
  }

  let rotationResult = null;
  let idle = null;
  if (runs('rotation')) {
    log('rotation');
    rotationResult = await rotation(browser, server.url, { steps: SETTINGS.rotationSteps, log });
  }
  if (runs('idle') || runs('rotation')) {
    log('idle wall');
    idle = await idleCpu(browser, server.url, { scene: 'par', seconds: QUICK ? 5 : 10 });
  }
  let soakResult = null;
  if (runs('soak')) {
    log('soak');
    soakResult = await soak(browser, server.url, { sceneChanges: SETTINGS.soakSceneChanges, log });
  }

  let recoveryResult: RecoveryResult | null = null;
  if (runs('recovery')) {
    log(`recovery (${SETTINGS.recoveryScreens} screens)`);
    const cases = QUICK ? RECOVERY_CASES.filter((c) => c.kind === '503' || c.kind === 'refused').slice(0, 2) : RECOVERY_CASES;
    recoveryResult = await recovery(browser, { screens: SETTINGS.recoveryScreens, cases, log });
  }

  let large: LargeResults | null = null;
  if (runs('large')) {
    const big = await startProvince(LARGE_COMMUNES);
    large = { communes: await communesOf(big.server), blank: big.blank, loads: [], baseline: [], drill: null };
    for (const path of PAGES) {
      log(`cold load ${path}, ${large.communes} and ${normal.communes} communes alternately`);
      const [base, loaded] = await coldLoads(browser, [origin, { url: big.server.url, blankMedian: big.blank.median }], path, {
        runs: SETTINGS.runs,
        cpuThrottle: 1,
        log,
      });
      if (base && loaded) {
        large.baseline.push(base);
        large.loads.push(loaded);
      }
    }
    log(`drill-down (${large.communes} communes)`);
    large.drill = await drillDown(browser, big.server.url, { clicks: SETTINGS.clicks, log });
    await big.server.stop();
  }
  await server.stop();

  const partial: Omit<BenchResults, 'budgets'> = {
    version: 1,
    startedAt: new Date(started).toISOString(),
    minutes: Math.round((Date.now() - started) / 6000) / 10,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? '?',
      memoryGb: Math.round(totalmem() / 1e9),
      node: process.versions.node,
      chromium: browser.version(),
    },
    settings: SETTINGS,
    blankPath: BLANK,
    normal,
    bytes,
    rotation: rotationResult,
    idle,
    soak: soakResult,
    recovery: recoveryResult,
    large,
  };
  const results: BenchResults = { ...partial, budgets: checkBudgets(partial) };
  const file = resolve(REPO_ROOT, 'bench/results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log('');
  log(formatResults(results));
  log('');
  log(`Written to ${file.slice(REPO_ROOT.length + 1)}.`);
  expect(results.budgets.length).toBeGreaterThan(0);
});
