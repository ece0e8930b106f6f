/**
 * A fresh browser context per measurement: the viewport of a 1920×1080 wall, Date on the sample server's
 * clock, the page-side probe, optionally
 * CPU throttling and a changed config.json, and a CDP session for metrics, heap and garbage collection.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { INSTRUMENT_SCRIPT } from '../../test/support/instrument';
import { editConfig, type Config } from '../../test/support/config-route';
import { PROBE_SCRIPT, type ProbeState, type ReadySpec } from './probe';
import { followSampleClock } from './sampleDate';

export const VIEWPORT = { width: 1920, height: 1080 };


export interface SessionOptions {
  /**
   * The sample server the page loads from: the page's Date follows its clock (bench/lib/sampleDate.ts), so
   * the live panels are current at the sample's time whatever the machine's clock says.
   */
  origin: string;
  /** CPU slowdown through CDP `Emulation.setCPUThrottlingRate` (1: none). */
  cpuThrottle?: number;
  /** Changes config.json as served to this context (a service worker is active later, hence `context.route`). */
  config?: (config: Config) => void;
  /** Adds test/support/instrument.ts, to count timers and window/document listeners. */
  instrument?: boolean;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

export async function openSession(browser: Browser, options: SessionOptions): Promise<Session> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, hasTouch: false, isMobile: false });
  await followSampleClock(context, options.origin);
  await context.addInitScript({ content: PROBE_SCRIPT });
  if (options.instrument) await context.addInitScript({ content: INSTRUMENT_SCRIPT });
  if (options.config) await editConfig(context, options.config);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if ((options.cpuThrottle ?? 1) !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottle ?? 1 });
  return { context, page, cdp, close: () => context.close() };
}

/** Starts a new readiness measurement in the page (see PROBE_SCRIPT). */
export function arm(page: Page, spec: ReadySpec = {}): Promise<void> {
  return page.evaluate((s) => (window as unknown as { __bench: { arm(spec: ReadySpec): void } }).__bench.arm(s), spec);
}

/**
 * Waits until the page has been ready (as armed) for `stableMs`, and returns the probe's state. Fails with the
 * panels' states after `timeoutMs`.
 */
export async function waitSettled(page: Page, options: { stableMs?: number; timeoutMs?: number } = {}): Promise<ProbeState> {
  const stableMs = options.stableMs ?? 400;
  const timeout = options.timeoutMs ?? 30_000;
  try {
    await page.waitForFunction((ms) => (window as unknown as { __bench: { settled(ms: number): boolean } }).__bench.settled(ms), stableMs, {
      timeout,
      polling: 50,
    });
  } catch (error) {
    const panels = await page
      .$$eval('[data-panel]', (els) => els.map((el) => `${el.getAttribute('data-panel')}=${el.getAttribute('data-status')}`).join(', '))
      .catch(() => '?');
    const charts = await page.$$eval('.base-chart', (els) => els.map((el) => (el.hasAttribute('data-drawn') ? 'drawn' : 'not drawn')).join(', ')).catch(() => '?');
    throw new Error(`Not ready after ${timeout} ms at ${page.url()}: panels ${panels || 'none'}; charts ${charts || 'none'}`, { cause: error });
  }
  return probeState(page);
}

export function probeState(page: Page): Promise<ProbeState> {
  return page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __bench: { state: ProbeState } }).__bench.state)) as ProbeState);
}

/** CDP `Performance.getMetrics` as a name → value record (TaskDuration, ScriptDuration, JSHeapUsedSize, Nodes, …). */
export async function cdpMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}
