/**
 * The set-up every browser suite shares: a sample server and Chromium for the whole describe block, pages
 * opened on that server and closed after each test, and the sample server's fault switch (`__mock/faults`).
 * Call `useE2eSuite()` inside a `describe`: it registers that block's beforeAll, afterEach and afterAll.
 *
 * Time is pinned: the server's sample clock starts at `now` (SAMPLE_NOW, a Tuesday at 10:00 Vietnam time
 * unless the suite says otherwise) and every page opened gets Playwright's clock, installed at the server's
 * sample time (`GET /__mock/clock`) before its first navigation. Both then run on in real time, so what a
 * test sees does not depend on the hour, the day or the time zone of the machine it runs on.
 */
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, type OpenedPage, type OpenPageOptions } from './browser';
import { DEFAULT_SAMPLE_NOW, readSampleClock, startSampleServer, type SampleClock, type SampleServer } from './server';

export { DEFAULT_SAMPLE_NOW, type SampleClock } from './server';

export interface E2eSuiteOptions {
  /**
   * The instant the sample server's clock starts at (its SAMPLE_NOW), with its offset; the pages' clocks
   * follow it. Default DEFAULT_SAMPLE_NOW.
   */
  now?: string;
  /** Added to the sample server's environment, e.g. `{ SAMPLE_DIPS: 'off' }` or `{ AUTH_TOKEN: 's3cret' }` (not SAMPLE_NOW: see `now`). */
  env?: Record<string, string>;
  /** What `open` uses unless a call says otherwise: 1920×1080 unless this changes it, e.g. a `prepare`. */
  page?: Partial<OpenPageOptions>;
  /** Clears every fault (`DELETE __mock/faults`) after each test, before its pages close. */
  healFaults?: boolean;
  /** Runs last, once the browser is closed and the server stopped: e.g. to write a report. */
  afterAll?: () => void | Promise<void>;
}

export interface E2eSuite {
  /** The sample server; only once beforeAll has run. */
  readonly server: SampleServer;
  /** Chromium; only once beforeAll has run. */
  readonly browser: Browser;
  /** `path` (or a whole URL) resolved against the sample server's URL. */
  url(path: string): string;
  /**
   * Opens `path` (see `url`) with the suite's page options and `options` over them, on the sample server's
   * clock; closed after the test.
   */
  open(path?: string, options?: Partial<OpenPageOptions>): Promise<OpenedPage>;
  /** The sample server's clock now (`GET /__mock/clock`). */
  clock(): Promise<SampleClock>;
  /** Sets (POST, with a fault as `body`) or clears (DELETE) faults of the sample server; expects a 2xx. */
  faults(method: 'POST' | 'DELETE', body?: Record<string, unknown>): Promise<void>;
  /**
   * Starts the server again on its port with the same environment, after a test stopped it with
   * `server.stop()`; its clock carries on where the stopped one would be now, as the pages' clocks do.
   */
  restartServer(): Promise<void>;
}

export function useE2eSuite(options: E2eSuiteOptions = {}): E2eSuite {
  if (options.env && 'SAMPLE_NOW' in options.env) throw new Error("useE2eSuite: give the sample's start time as `now`, not as env.SAMPLE_NOW");
  const env = (sampleNow: string) => ({ ...options.env, SAMPLE_NOW: sampleNow });
  let server: SampleServer | undefined;
  let browser: Browser | undefined;
  /** The last reading of the server's clock, and the real time it was taken at. */
  let lastReading: { clock: SampleClock; realMs: number } | undefined;
  const opened: OpenedPage[] = [];

  const started = () => {
    if (!server || !browser) throw new Error('useE2eSuite: the server and the browser exist only once beforeAll has run');
    return { server, browser };
  };
  const url = (path: string) => new URL(path, started().server.url).href;

  async function faults(method: 'POST' | 'DELETE', body?: Record<string, unknown>) {
    const response = await fetch(url('__mock/faults'), {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status, `${method} __mock/faults`).toBeLessThan(300);
  }

  async function clock(): Promise<SampleClock> {
    const reading = await readSampleClock(started().server.url);
    lastReading = { clock: reading, realMs: Date.now() };
    return reading;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startSampleServer(env(options.now ?? DEFAULT_SAMPLE_NOW)), launchBrowser({ executablePath: inject('chromePath') })]);
    await clock();
  });

  afterEach(async () => {
    try {
      if (options.healFaults) await faults('DELETE');
    } finally {
      while (opened.length) await opened.pop()?.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await options.afterAll?.();
  });

  return {
    get server() {
      return started().server;
    },
    get browser() {
      return started().browser;
    },
    url,
    async open(path = '/', pageOptions = {}) {
      const clockAt = async () => (await clock()).epochMs;
      const page = await openPage(started().browser, url(path), { width: 1920, height: 1080, clockAt, ...options.page, ...pageOptions });
      opened.push(page);
      return page;
    },
    clock,
    faults,
    async restartServer() {
      const { port } = started().server;
      await started().server.stop();
      if (!lastReading) throw new Error('useE2eSuite: the sample clock was never read');
      const { clock: reading, realMs } = lastReading;
      const carriedOn = new Date(reading.epochMs + (Date.now() - realMs) * reading.timeScale);
      server = await startSampleServer(env(carriedOn.toISOString()), { port });
    },
  };
}
