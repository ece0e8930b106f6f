/**
 * `npm run loadtest` (see loadtest/cli.mjs, which builds this into dist-loadtest/run.js): a province's worth of
 * wall screens, as light clients in Node, on the sample API. Two modes, each with a fresh sample server
 * (PORT=0, SAMPLE_DIPS=off, its clock started at SAMPLE_NOW, a Tuesday 10:00 Vietnam time, so that a run
 * never crosses midnight there, where the daily feeds change, whatever the hour it is run at; the clock and
 * max-age scaled with the cadences):
 *   (a) direct: every screen asks the server;
 *   (b) proxy: every screen asks a caching proxy in front of it, the Node one (loadtest/proxy) or, with
 *       --nginx, a real nginx with the README's configuration.
 * Writes loadtest/results.json and prints a table. Asserts nothing: it fails only when it could not run.
 */
import { cpus } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEED_IDS, type FeedId } from '../src/contract/routes';
import { DEFAULT_SAMPLE_NOW } from '../test/support/server';
import { startNginx, nginxVersion } from './nginx';
import { parseOptions, type LoadTestOptions } from './options';
import { cpuSeconds, killAll, startChild, treeCpu, treeCpuBetween, type Child } from './processes';
import { cadenceSeconds, REQUEST, requestsPerScreenHour, WALL_QUERIES } from './queries';
import { formatResults, quantile, type LoadTestResults, type ModeResult } from './report';
import { Screen, type Sample } from './screen';

/** dist-loadtest/run.js → the repository. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_JS = join(ROOT, 'dist-loadtest', 'server', 'main.js');
const PROXY_JS = join(ROOT, 'dist-loadtest', 'proxy', 'main.js');
const RESULTS = join(ROOT, 'loadtest', 'results.json');

interface Counts {
  counts: Record<FeedId, number>;
  notModified: Record<FeedId, number>;
}

async function serverCounts(server: Child): Promise<Counts> {
  return (await (await fetch(new URL('__mock/requests', server.url))).json()) as Counts;
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const value of values) out[value] = (out[value] ?? 0) + 1;
  return out;
}

const sum = (record: Record<FeedId, number>) => FEED_IDS.reduce((total, feed) => total + (record[feed] ?? 0), 0);
/** nginx's working directories, removed at the end of their mode or on Ctrl-C. */
const scratchDirs = new Set<string>();

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, Math.max(0, ms)));
const log = (line: string) => console.log(line);

async function runMode(mode: 'direct' | 'proxy', options: LoadTestOptions): Promise<ModeResult> {
  const scale = options.timeScale;
  const server = await startChild('sample server', process.execPath, [SERVER_JS], {
    env: { PORT: '0', HOST: '127.0.0.1', SAMPLE_DIPS: 'off', SAMPLE_NOW: DEFAULT_SAMPLE_NOW, SAMPLE_TIME_SCALE: String(scale) },
    ready: /Sample API and dashboard: (\S+)/,
  });
  let front: Child | null = null;
  let scratch: string | null = null;
  try {
    let via = 'server';
    if (mode === 'proxy') {
      if (options.nginx) {
        scratch = mkdtempSync(join(tmpdir(), 'ioc-loadtest-nginx-'));
        scratchDirs.add(scratch);
        front = await startNginx(scratch, server.url);
        via = `nginx ${nginxVersion() ?? ''}`.trim();
      } else {
        front = await startChild('caching proxy', process.execPath, [PROXY_JS], {
          env: { UPSTREAM: server.url, PORT: '0', HOST: '127.0.0.1', TIME_SCALE: String(scale) },
          ready: /Caching proxy: (\S+) /,
        });
        via = 'Node proxy';
      }
    }
    const base = new URL('api/v1/', front?.url ?? server.url).href;
    log(`${mode === 'direct' ? '(a) direct' : `(b) through the ${via}`}: ${options.screens} screens for ${options.seconds} s at ${base}`);
    await fetch(new URL('__mock/requests', server.url), { method: 'DELETE' });

    const samples: Sample[] = [];
    const cadenceMs = (feed: FeedId) => (cadenceSeconds(feed) * 1000) / scale;
    const screens = Array.from(
      { length: options.screens },
      () =>
        new Screen({
          base,
          queries: WALL_QUERIES,
          cadenceMs,
          timeoutMs: REQUEST.timeoutMs,
          retry: { retries: REQUEST.retries, baseMs: REQUEST.retryBaseMs, maxMs: REQUEST.retryBaseMs * 16 },
          record: (sample) => samples.push(sample),
          steady: true,
        }),
    );

    // Switch-on: the screens come on one after another over the shortest cadence (a minute of real time).
    const rampMs = Math.min(...WALL_QUERIES.map((query) => cadenceMs(query.feed)));
    const started = performance.now();
    const endAt = started + options.seconds * 1000;
    const firstLoads = screens.map((screen, i) => sleep((i / screens.length) * rampMs).then(() => screen.start()));
    const switchedOn = Promise.all(firstLoads);
    const inTime = await Promise.race([switchedOn.then(() => true), sleep(endAt - performance.now() - 2_000).then(() => false)]);
    if (!inTime) throw new Error(`The screens' first loads took more than ${options.seconds - 2} s: run longer (--seconds) or with fewer screens.`);

    const windowStart = performance.now();
    const before = {
      counts: await serverCounts(server),
      serverCpu: cpuSeconds(server.pid),
      frontCpu: front ? treeCpu(front.pid) : null,
      ownCpu: process.cpuUsage(),
    };
    await sleep(endAt - performance.now());
    const windowEnd = performance.now();
    const after = {
      counts: await serverCounts(server),
      serverCpu: cpuSeconds(server.pid),
      frontCpu: front ? treeCpu(front.pid) : null,
      ownCpu: process.cpuUsage(before.ownCpu),
      proxyStats: front && !options.nginx ? ((await (await fetch(new URL('__proxy/stats', front.url))).json()) as unknown) : null,
    };
    await Promise.all(screens.map((screen) => screen.stop()));

    const windowSeconds = (windowEnd - windowStart) / 1000;
    const steady = samples.filter((sample) => !sample.first && sample.sentAt >= windowStart && sample.sentAt < windowEnd);
    const switching = samples.filter((sample) => sample.sentAt < windowStart);
    const latencies = steady.map((sample) => sample.ms);
    const requests = sum(after.counts.counts) - sum(before.counts.counts);
    const notModified = sum(after.counts.notModified) - sum(before.counts.notModified);
    const byFeed: ModeResult['server']['byFeed'] = {};
    for (const feed of FEED_IDS) {
      const n = (after.counts.counts[feed] ?? 0) - (before.counts.counts[feed] ?? 0);
      if (n > 0) byFeed[feed] = { requests: n, notModified: (after.counts.notModified[feed] ?? 0) - (before.counts.notModified[feed] ?? 0) };
    }
    const percentOf = (from: number | null, to: number | null) => (from === null || to === null ? null : ((to - from) / windowSeconds) * 100);
    const clientNotModified = steady.filter((sample) => sample.status === 304).length;
    const switchLatencies = switching.map((sample) => sample.ms);
    return {
      mode,
      via,
      screens: options.screens,
      seconds: options.seconds,
      timeScale: scale,
      switchOn: {
        seconds: (windowStart - started) / 1000,
        requests: switching.length,
        p99Ms: quantile(switchLatencies, 0.99),
        worstMs: Math.max(0, ...switchLatencies),
      },
      window: { seconds: windowSeconds },
      server: {
        requests,
        notModified,
        requestsPerSecond: requests / windowSeconds,
        notModifiedShare: requests === 0 ? 0 : notModified / requests,
        cpuPercent: percentOf(before.serverCpu, after.serverCpu),
        perScreenHour: (requests / options.screens) * (3600 / (windowSeconds * scale)),
        byFeed,
      },
      clients: {
        requests: steady.length,
        notModified: clientNotModified,
        notModifiedShare: steady.length === 0 ? 0 : clientNotModified / steady.length,
        errors: steady.filter((sample) => sample.status !== 200 && sample.status !== 304).length,
        statuses: countBy(steady.map((sample) => String(sample.status))),
        p50Ms: quantile(latencies, 0.5),
        p99Ms: quantile(latencies, 0.99),
        worstMs: Math.max(0, ...latencies),
        byFeed: clientTails(steady),
      },
      proxy: front ? { cpuPercent: percentOf(0, treeCpuBetween(before.frontCpu, after.frontCpu)), stats: after.proxyStats } : null,
      generatorCpuPercent: ((after.ownCpu.user + after.ownCpu.system) / 1e6 / windowSeconds) * 100,
    };
  } finally {
    await front?.stop();
    await server.stop();
    if (scratch) {
      const errorLog = join(scratch, 'error.log');
      const problems = existsSync(errorLog) ? readFileSync(errorLog, 'utf8').trim() : '';
      if (problems) console.error(`nginx's error log:\n${problems.split('\n').slice(-10).join('\n')}`);
      rmSync(scratch, { recursive: true, force: true });
      scratchDirs.delete(scratch);
    }
  }
}

/** The steady window's latencies by feed. */
function clientTails(steady: readonly Sample[]): ModeResult['clients']['byFeed'] {
  const out: ModeResult['clients']['byFeed'] = {};
  for (const feed of FEED_IDS) {
    const ms = steady.filter((sample) => sample.feed === feed).map((sample) => sample.ms);
    if (ms.length > 0) out[feed] = { requests: ms.length, p50Ms: quantile(ms, 0.5), p99Ms: quantile(ms, 0.99) };
  }
  return out;
}

/** Runs the modes asked for; returns the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  const interrupted = () => {
    console.error('\nStopped: the sample server and the proxy are shut down.');
    killAll();
    // nginx's master is given a moment to stop its workers before its directory goes.
    setTimeout(() => {
      for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    }, 300);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const options = parseOptions(args);
    if (options.nginx && options.only !== 'direct' && nginxVersion() === null) {
      throw new Error('--nginx: there is no nginx on PATH. Install it (Debian: apt-get install nginx-light) or run without --nginx.');
    }
    const modes: ModeResult[] = [];
    for (const mode of ['direct', 'proxy'] as const) {
      if (options.only === null || options.only === mode) modes.push(await runMode(mode, options));
    }
    const results: LoadTestResults = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      schedulePerScreenHour: requestsPerScreenHour(),
      queries: WALL_QUERIES.map((query) => query.path),
      modes,
    };
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    log('');
    log(formatResults(results));
    log(`\nWritten to ${RESULTS.slice(ROOT.length + 1)}.`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    killAll();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}
