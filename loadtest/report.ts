import type { FeedId } from '../src/contract/routes';

/** What one mode of the load test measured. Times in real ms; rates per real second of the run unless said. */
export interface ModeResult {
  mode: 'direct' | 'proxy';
  /** What the screens talked to: the sample server, the Node caching proxy, or nginx <version>. */
  via: string;
  screens: number;
  /** The run, switch-on included (--seconds). */
  seconds: number;
  timeScale: number;
  /** Switch-on: from the first screen switched on to the last screen's first loads answered. */
  switchOn: { seconds: number; requests: number; p99Ms: number; worstMs: number };
  /** The steady part after switch-on, which every figure below covers. */
  window: { seconds: number };
  server: {
    requests: number;
    notModified: number;
    requestsPerSecond: number;
    notModifiedShare: number;
    /** Of one core, over the window; null without /proc. */
    cpuPercent: number | null;
    /** Requests per screen per hour of real time (the window's rate × 3600 / time scale / screens). */
    perScreenHour: number;
    byFeed: Partial<Record<FeedId, { requests: number; notModified: number }>>;
  };
  clients: {
    requests: number;
    notModified: number;
    notModifiedShare: number;
    /** Network errors, timeouts and answers other than 200 and 304. */
    errors: number;
    /** Answers by status (0: a network error or a timeout). */
    statuses: Record<string, number>;
    p50Ms: number;
    p99Ms: number;
    worstMs: number;
    /** The same by feed, to see which answers make the tail. */
    byFeed: Partial<Record<FeedId, { requests: number; p50Ms: number; p99Ms: number }>>;
  };
  /** The proxy's own counts and CPU (mode b). */
  proxy: { cpuPercent: number | null; stats: unknown } | null;
  /** The process running the screens, of one core: a figure near 100 % means the screens, not the server, set the pace. */
  generatorCpuPercent: number;
}

export interface LoadTestResults {
  date: string;
  node: string;
  cpus: number;
  /** Requests per screen per real hour that the app's schedule makes at most (every query once per cadence). */
  schedulePerScreenHour: number;
  queries: string[];
  modes: ModeResult[];
}

/** The value at quantile q (0–1) of the samples, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

const percent = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)} %`;
const fixed = (value: number, digits: number) => value.toFixed(digits);

function table(headers: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The table of the README and of every run. */
export function formatResults(results: LoadTestResults): string {
  const first = results.modes[0];
  if (!first) return 'No mode ran.';
  const heading =
    `Load test: ${first.screens} screens, ${first.seconds} s per mode, cadences ÷${first.timeScale} ` +
    `(the 60 s cadence every ${fixed(60 / first.timeScale, 1)} s); after switch-on`;
  const rows = results.modes.map((m) => [
    m.mode === 'direct' ? 'direct' : `proxy (${m.via})`,
    String(m.screens),
    fixed(m.window.seconds, 1),
    fixed(m.server.requestsPerSecond, 1),
    percent(m.server.notModifiedShare),
    percent(m.clients.notModifiedShare),
    m.server.cpuPercent === null ? 'n/a' : `${fixed(m.server.cpuPercent, 1)} %`,
    fixed(m.clients.p99Ms, 1),
    fixed(m.clients.worstMs, 1),
    fixed(m.server.perScreenHour, m.server.perScreenHour < 10 ? 2 : 1),
  ]);
  const main = table(
    ['mode', 'screens', 'seconds', 'server req/s', '304 at server', '304 at clients', 'server CPU', 'p99 ms', 'worst ms', 'server req/screen/h'],
    rows,
    [false, true, true, true, true, true, true, true, true, true],
  );
  const notes = results.modes.map((m) => {
    const proxy = m.proxy ? `; proxy CPU ${m.proxy.cpuPercent === null ? 'n/a' : `${fixed(m.proxy.cpuPercent, 1)} %`}` : '';
    return (
      `${m.mode === 'direct' ? 'direct' : `proxy (${m.via})`}: switch-on ${fixed(m.switchOn.seconds, 1)} s, ${m.switchOn.requests} requests, ` +
      `worst ${fixed(m.switchOn.worstMs, 0)} ms; then ${m.clients.requests} client requests (${fixed(m.clients.requests / m.window.seconds, 1)}/s), ` +
      `${m.clients.errors} errors, median ${fixed(m.clients.p50Ms, 1)} ms; ${m.server.requests} at the server${proxy}; screens' process CPU ${fixed(m.generatorCpuPercent, 0)} %`
    );
  });
  const tails = results.modes.map((m) => {
    const feeds = Object.entries(m.clients.byFeed).sort(([, a], [, b]) => b.p99Ms - a.p99Ms);
    return `${m.mode} p50/p99 by feed: ${feeds.map(([feed, f]) => `${feed} ${fixed(f.p50Ms, 0)}/${fixed(f.p99Ms, 0)} ms`).join(', ')}`;
  });
  return [
    heading,
    main,
    `The app's schedule: at most ${fixed(results.schedulePerScreenHour, 1)} requests per screen per hour (each of ${results.queries.length} queries once per cadence).`,
    ...notes,
    ...tails,
  ].join('\n');
}
