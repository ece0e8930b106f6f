/**
 * Headless Chromium for the end-to-end tests and the benchmark: launch it, open a page that records what
 * went wrong (console errors, page errors, failed requests), and wait for the dashboard's panels.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from './chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium: `executablePath`, else CHROME_PATH (set by the e2e global setup), else findChromium(). */
export async function launchBrowser(options: { executablePath?: string } = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? (process.env.CHROME_PATH || (await findChromium()));
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A URL (or console text) pattern: a substring or a regular expression. */
export type Matcher = string | RegExp;

export interface OpenPageOptions {
  width: number;
  height: number;
  hasTouch?: boolean;
  deviceScaleFactor?: number;
  /** Failures of requests whose URL matches are expected (a test broke that feed on purpose). */
  expectedFailures?: Matcher[];
  /** Runs before the first navigation, e.g. to serve a changed config.json with `page.route`. */
  prepare?: (page: Page) => Promise<void>;
  /**
   * The time the page's clock starts at, asked for once the context exists and before anything runs in it
   * (e.g. the sample server's `GET /__mock/clock`). Playwright's clock is then installed on the context at
   * that time and runs on in real time: Date, timers, animation frames and `performance.now()` all follow
   * it. Without it, the page runs on the machine's clock.
   */
  clockAt?: () => Promise<number | Date>;
}

export interface PageProblems {
  /** `console.error` calls and the browser's own error messages (but not failed loads), with their source. */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** Requests that failed on the network, and responses with status 400 or more. */
  failedRequests: string[];
  /** The same kinds of failure, on URLs marked as expected. */
  expectedFailures: string[];
  /** Requests cancelled by the page or by navigation (net::ERR_ABORTED): normal when a view goes away. */
  abortedRequests: string[];
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  problems: PageProblems;
  /** From now on, failures of requests whose URL matches are expected. */
  expectFailures(...matchers: Matcher[]): void;
  /** Every console error, page error and unexpected failed request so far, one per line. */
  unexpectedProblems(): string[];
  close(): Promise<void>;
}

function matches(text: string, matcher: Matcher): boolean {
  return typeof matcher === 'string' ? text.includes(matcher) : matcher.test(text);
}

/**
 * Opens `url` in a fresh context of the given size (on the clock `clockAt` gives, if any) and waits for the
 * load event. Everything that goes wrong on the page is collected in `problems` from the first request on.
 */
export async function openPage(browser: Browser, url: string, options: OpenPageOptions): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    hasTouch: options.hasTouch ?? false,
    isMobile: false,
  });
  // On the context, before the first page: its init script then runs before any other (the page's own,
  // such as INSTRUMENT_SCRIPT, wrap the clock's timers rather than being replaced by them).
  if (options.clockAt) await context.clock.install({ time: await options.clockAt() });
  const page = await context.newPage();
  const expected: Matcher[] = [...(options.expectedFailures ?? [])];
  const isExpected = (text: string) => expected.some((matcher) => matches(text, matcher));
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], expectedFailures: [], abortedRequests: [] };

  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const source = message.location().url;
    // The browser logs "Failed to load resource" for every failed request; the request listeners below
    // already record those (as failed or expected), so they are not counted twice.
    if (source && message.text().startsWith('Failed to load resource')) return;
    problems.consoleErrors.push(source ? `${message.text()} (${source})` : message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? `${error.name}: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    const line = `${request.method()} ${request.url()}: ${reason}`;
    if (reason.includes('ERR_ABORTED')) problems.abortedRequests.push(line);
    else (isExpected(request.url()) ? problems.expectedFailures : problems.failedRequests).push(line);
  });
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const line = `${response.request().method()} ${response.url()}: HTTP ${response.status()}`;
    (isExpected(response.url()) ? problems.expectedFailures : problems.failedRequests).push(line);
  });

  await options.prepare?.(page);
  await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    context,
    problems,
    expectFailures: (...matchers) => expected.push(...matchers),
    unexpectedProblems: () => [
      ...problems.pageErrors.map((line) => `page error: ${line}`),
      ...problems.consoleErrors.map((line) => `console error: ${line}`),
      ...problems.failedRequests.map((line) => `failed request: ${line}`),
    ],
    close: () => context.close(),
  };
}

export interface PanelState {
  id: string;
  status: string;
  visible: boolean;
}

/** Every `[data-panel]` on the page, in document order, with its status and whether it is shown. */
export function panelStates(page: Page): Promise<PanelState[]> {
  return page.$$eval('[data-panel]', (elements) =>
    elements.map((element) => ({
      id: element.getAttribute('data-panel') ?? '',
      status: element.getAttribute('data-status') ?? '(none)',
      visible: element.checkVisibility({ visibilityProperty: true }),
    })),
  );
}

/**
 * Waits until the page shows at least one panel and every visible `[data-panel]` has
 * `data-status="ready"` (or one of `accept`). Fails listing each panel and its status.
 */
export async function waitForPanelsReady(page: Page, options: { timeout?: number; accept?: string[] } = {}): Promise<void> {
  const timeout = options.timeout ?? 30_000;
  const accept = options.accept ?? ['ready'];
  try {
    await page.waitForFunction(
      (accepted) => {
        const visible = [...document.querySelectorAll('[data-panel]')].filter((element) => element.checkVisibility({ visibilityProperty: true }));
        return visible.length > 0 && visible.every((element) => accepted.includes(element.getAttribute('data-status') ?? ''));
      },
      accept,
      { timeout, polling: 100 },
    );
  } catch (error) {
    const states = await panelStates(page).catch(() => []);
    const list = states.length
      ? states.map((state) => `${state.id}=${state.status}${state.visible ? '' : ' (hidden)'}`).join(', ')
      : 'no [data-panel] on the page';
    throw new Error(`Panels not ${accept.join(' or ')} after ${timeout} ms at ${page.url()}: ${list}`, { cause: error });
  }
}

/**
 * Where a unit is drawn on the page's map, once it has stopped moving (the same point on reads 200 ms apart, so
 * a resize, a scroll or an animation still in progress on a busy machine is over) and lies inside the viewport.
 */
export async function settledUnitPoint(page: Page, code: string, timeout = 30_000): Promise<{ x: number; y: number }> {
  const handle = await page.waitForFunction(
    (unit) => {
      const state = window as unknown as { __ioc: { unitPoint(c: string): { x: number; y: number } | null }; __lastPoint?: string };
      const point = state.__ioc.unitPoint(unit);
      const inside = point && point.x >= 0 && point.y >= 0 && point.x < innerWidth && point.y < innerHeight;
      const key = inside ? `${Math.round(point.x)},${Math.round(point.y)}` : undefined;
      const settled = key !== undefined && key === state.__lastPoint;
      state.__lastPoint = key;
      return settled ? point : null;
    },
    code,
    { timeout, polling: 200 },
  );
  return (await handle.jsonValue()) as { x: number; y: number };
}
