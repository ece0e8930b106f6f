/**
 * The set-up every browser suite shares: a sample server and Chromium for the whole describe block, pages
 * opened on that server and closed after each test, and the sample server's fault switch (`__mock/faults`).
 * Call `useE2eSuite()` inside a `describe`: it registers that block's beforeAll, afterEach and afterAll.
 */
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, type OpenedPage, type OpenPageOptions } from './browser';
import { startSampleServer, type SampleServer } from './server';

export interface E2eSuiteOptions {
  /** Added to the sample server's environment, e.g. `{ SAMPLE_DIPS: 'off' }` or `{ AUTH_TOKEN: 's3cret' }`. */
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
  /** Opens `path` (see `url`) with the suite's page options and `options` over them; closed after the test. */
  open(path?: string, options?: Partial<OpenPageOptions>): Promise<OpenedPage>;
  /** Sets (POST, with a fault as `body`) or clears (DELETE) faults of the sample server; expects a 2xx. */
  faults(method: 'POST' | 'DELETE', body?: Record<string, unknown>): Promise<void>;
  /** Starts the server again on its port with the same environment, after a test stopped it with `server.stop()`. */
  restartServer(): Promise<void>;
}

export function useE2eSuite(options: E2eSuiteOptions = {}): E2eSuite {
  let server: SampleServer | undefined;
  let browser: Browser | undefined;
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

  beforeAll(async () => {
    [server, browser] = await Promise.all([startSampleServer(options.env), launchBrowser({ executablePath: inject('chromePath') })]);
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
      const page = await openPage(started().browser, url(path), { width: 1920, height: 1080, ...options.page, ...pageOptions });
      opened.push(page);
      return page;
    },
    faults,
    async restartServer() {
      const { port } = started().server;
      await started().server.stop();
      server = await startSampleServer(options.env, { port });
    },
  };
}
