/**
 * The built sample server (dist-server/main.js, serving dist/ and the sample API from one port) as a child
 * process for the end-to-end tests and the benchmark.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_ENTRY = resolve(REPO_ROOT, 'dist-server/main.js');
export const APP_INDEX = resolve(REPO_ROOT, 'dist/index.html');

const READY_LINE = /Sample API and dashboard: (https?:\/\/\S+)/;
const START_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 5_000;

/**
 * Where the sample's clock starts (SAMPLE_NOW) for the browser tests, the benchmark and the load test unless
 * they say otherwise: a working Tuesday, mid-morning, Vietnam time, when the one-stop shops have files and
 * the natural dips are under way.
 */
export const DEFAULT_SAMPLE_NOW = '2026-03-10T10:00:00+07:00';

/** What the sample server's `GET /__mock/clock` answers. */
export interface SampleClock {
  /** The sample's time in Vietnam time, whole seconds: 2026-03-10T10:00:05+07:00. */
  now: string;
  /** The same instant in milliseconds since the epoch. */
  epochMs: number;
  /** How many times faster than real time it runs. */
  timeScale: number;
}

/** Reads the sample server's clock at `baseUrl` (`GET /__mock/clock`); throws unless it answers 200. */
export async function readSampleClock(baseUrl: string): Promise<SampleClock> {
  const response = await fetch(new URL('__mock/clock', baseUrl));
  if (response.status !== 200) throw new Error(`GET ${new URL('__mock/clock', baseUrl).href} answered HTTP ${response.status}`);
  return (await response.json()) as SampleClock;
}

export interface SampleServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** The port it listens on: pass it to startSampleServer again to restart on the same address. */
  port: number;
  pid: number;
  /**
   * Stops the server and waits for its process to exit, which closes every connection and frees the port
   * (a client then sees "connection refused"). Safe to call twice.
   */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The port to listen on (default 0: a free one). To restart a stopped server where it was, pass its `port`. */
  port?: number;
}

/** Throws, saying to run `npm run build`, unless the built app and the built sample server are there. */
export function assertBuilt(): void {
  const missing = [SERVER_ENTRY, APP_INDEX].filter((path) => !existsSync(path));
  if (missing.length) {
    throw new Error(
      `The build is missing (${missing.map((path) => path.slice(REPO_ROOT.length + 1)).join(', ')}): run \`npm run build\` first ` +
        '(`npm test` builds before it runs vitest).',
    );
  }
}

const running = new Set<() => void>();
process.once('exit', () => running.forEach((kill) => kill()));

/**
 * Starts `node dist-server/main.js` on a free port (PORT=0), or on `options.port`, with `env` added to the
 * environment (e.g. AUTH_TOKEN, SAMPLE_DIPS), and resolves once it prints its URL. Rejects after 20 s, or
 * when the process exits first (a port in use, say), with its stderr.
 */
export function startSampleServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<SampleServer> {
  assertBuilt();
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: String(options.port ?? 0) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  // The last 64 kB of stderr, for error messages.
  child.stderr.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-65_536)));

  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const kill = () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL');
  running.add(kill);
  exited.then(() => running.delete(kill), () => undefined);

  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(kill, STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
  };

  return new Promise<SampleServer>((resolveStart, rejectStart) => {
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => rejectStart(new Error(`The sample server did not start: ${reason}.\nstderr:\n${stderr.trim() || '(empty)'}`)));
    };
    const timer = setTimeout(() => fail(`no "Sample API and dashboard: <url>" line within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`it exited (${signal ?? `exit code ${String(code)}`})`));
    // Keep reading stdout after the start line too, so a chatty server never blocks on a full pipe.
    child.stdout.on('data', (chunk: string) => {
      if (settled) return;
      stdout += chunk;
      const url = READY_LINE.exec(stdout)?.[1];
      if (!url) return;
      settled = true;
      clearTimeout(timer);
      resolveStart({ url: url.endsWith('/') ? url : `${url}/`, port: Number(new URL(url).port), pid: child.pid ?? -1, stop });
    });
  });
}
