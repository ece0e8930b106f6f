/**
 * The counters of test/support/instrument.ts, checked in Chromium on a blank page: what the leak tests of
 * the wall rely on. Twice: on the machine's clock, and with Playwright's clock installed on the context as
 * useE2eSuite installs it, whose fake timers the script must wrap and count the same way.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, type OpenedPage } from '../support/browser';
import { INSTRUMENT_SCRIPT, liveResources } from '../support/instrument';
import { DEFAULT_SAMPLE_NOW } from '../support/server';

const BLANK = 'data:text/html,<!doctype html><title>instrument</title><body></body>';

/** What the page scripts below keep between evaluations. */
interface Kept {
  kept: Record<string, unknown>;
}

const PINNED_MS = Date.parse(DEFAULT_SAMPLE_NOW);

describe.each([
  { clock: "on the machine's clock", clockAt: undefined },
  { clock: "with Playwright's clock installed, as the suites' pages have it", clockAt: () => Promise.resolve(PINNED_MS) },
])('counting what a page keeps alive, $clock', ({ clockAt }) => {
  let browser: Browser;
  let opened: OpenedPage | undefined;

  beforeAll(async () => {
    browser = await launchBrowser({ executablePath: inject('chromePath') });
  });

  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function blankPage(instrumented = true): Promise<Page> {
    opened = await openPage(browser, BLANK, {
      width: 800,
      height: 600,
      clockAt,
      prepare: async (page) => {
        if (instrumented) await page.addInitScript({ content: INSTRUMENT_SCRIPT });
      },
    });
    await opened.page.evaluate(() => {
      (window as unknown as Kept).kept = {};
    });
    return opened.page;
  }

  it('runs on the clock it was opened with, which keeps running', async () => {
    const page = await blankPage();
    const first = await page.evaluate(() => Date.now());
    const expected = clockAt ? PINNED_MS : Date.now();
    expect(Math.abs(first - expected)).toBeLessThan(10_000);
    await page.waitForTimeout(300);
    const elapsed = (await page.evaluate(() => Date.now())) - first;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('starts from nothing on a blank page, with no chart count exposed', async () => {
    const page = await blankPage();
    expect(await liveResources(page)).toEqual({ intervals: 0, timeouts: 0, frames: 0, listeners: 0, charts: -1, canvases: 0 });
    expect(opened?.unexpectedProblems()).toEqual([]);
  });

  it('counts intervals until they are cleared, by either clear function', async () => {
    const page = await blankPage();
    await page.evaluate(() => {
      const { kept } = window as unknown as Kept;
      kept.a = setInterval(() => undefined, 1000);
      kept.b = window.setInterval(() => undefined, 1000);
    });
    expect((await liveResources(page)).intervals).toBe(2);
    await page.evaluate(() => clearInterval((window as unknown as Kept).kept.a as number));
    expect((await liveResources(page)).intervals).toBe(1);
    await page.evaluate(() => clearTimeout((window as unknown as Kept).kept.b as number));
    expect(await liveResources(page)).toMatchObject({ intervals: 0, timeouts: 0 });
  });

  it('counts a timeout until it fires or is cleared, and a timeout that sets the next one as one', async () => {
    const page = await blankPage();
    await page.evaluate(() => {
      const { kept } = window as unknown as Kept;
      kept.long = setTimeout(() => undefined, 60_000);
      kept.fired = new Promise<void>((resolve) => setTimeout(resolve, 20));
      // Read in the same task, before the short one can fire (a round trip from the test may take longer).
      kept.pending = (window as unknown as { __instrument: { timeouts(): number } }).__instrument.timeouts();
    });
    expect(await page.evaluate(() => (window as unknown as Kept).kept.pending)).toBe(2);
    await page.evaluate(() => (window as unknown as Kept).kept.fired as Promise<void>);
    expect((await liveResources(page)).timeouts).toBe(1);
    await page.evaluate(() => clearTimeout((window as unknown as Kept).kept.long as number));
    expect((await liveResources(page)).timeouts).toBe(0);

    // A polling loop: each run schedules the next, so one is always pending until it stops.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          let runs = 0;
          const tick = () => {
            runs += 1;
            if (runs < 5) setTimeout(tick, 5);
            else resolve();
          };
          setTimeout(tick, 5);
        }),
    );
    expect((await liveResources(page)).timeouts).toBe(0);
    await page.evaluate(() => {
      const { kept } = window as unknown as Kept;
      const loop = () => {
        kept.loop = setTimeout(loop, 5);
      };
      loop();
    });
    await page.waitForTimeout(50);
    expect((await liveResources(page)).timeouts).toBe(1);
    await page.evaluate(() => clearTimeout((window as unknown as Kept).kept.loop as number));
    expect((await liveResources(page)).timeouts).toBe(0);
  });

  it('counts an animation frame until it runs or is cancelled', async () => {
    const page = await blankPage();
    await page.evaluate(() => {
      const { kept } = window as unknown as Kept;
      kept.ran = new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      kept.cancelled = requestAnimationFrame(() => undefined);
      // Read in the same task, before any frame can run.
      kept.pending = (window as unknown as { __instrument: { frames(): number } }).__instrument.frames();
      cancelAnimationFrame(kept.cancelled as number);
    });
    expect(await page.evaluate(() => (window as unknown as Kept).kept.pending)).toBe(2);
    await page.evaluate(() => (window as unknown as Kept).kept.ran as Promise<void>);
    expect((await liveResources(page)).frames).toBe(0);
  });

  it('counts window and document listeners once per type, listener and capture, as the DOM keeps them', async () => {
    const page = await blankPage();
    await page.evaluate(() => {
      const { kept } = window as unknown as Kept;
      const onResize = () => undefined;
      const onKey = { handleEvent: () => undefined };
      kept.onResize = onResize;
      kept.onKey = onKey;
      window.addEventListener('resize', onResize);
      window.addEventListener('resize', onResize); // the same again: not added twice
      window.addEventListener('resize', onResize, { passive: true }); // still the same (capture false)
      window.addEventListener('resize', onResize, true); // capture: another listener
      window.addEventListener('resize', onResize, { capture: true }); // the same capture one again
      document.addEventListener('keydown', onKey);
      document.body.addEventListener('click', onResize); // not window or document: not counted
    });
    expect((await liveResources(page)).listeners).toBe(3);

    await page.evaluate(() => {
      const { kept } = window as unknown as Kept;
      const onResize = kept.onResize as () => void;
      window.removeEventListener('resize', onResize); // the one without capture
      window.removeEventListener('resize', onResize); // again: nothing left to remove
      window.removeEventListener('scroll', onResize); // never added
    });
    expect((await liveResources(page)).listeners).toBe(2);

    await page.evaluate(() => {
      const { kept } = window as unknown as Kept;
      window.removeEventListener('resize', kept.onResize as () => void, { capture: true });
      document.removeEventListener('keydown', kept.onKey as EventListenerObject);
    });
    expect((await liveResources(page)).listeners).toBe(0);
  });

  it('stops counting a once listener when it fires, and a listener whose signal aborts', async () => {
    const page = await blankPage();
    await page.evaluate(() => {
      const { kept } = window as unknown as Kept;
      const controller = new AbortController();
      kept.controller = controller;
      window.addEventListener('ping', () => undefined, { once: true });
      document.addEventListener('visibilitychange', () => undefined, { signal: controller.signal });
      const aborted = new AbortController();
      aborted.abort();
      window.addEventListener('ping', () => undefined, { signal: aborted.signal }); // never added
    });
    expect((await liveResources(page)).listeners).toBe(2);
    await page.evaluate(() => window.dispatchEvent(new Event('ping')));
    expect((await liveResources(page)).listeners).toBe(1);
    await page.evaluate(() => ((window as unknown as Kept).kept.controller as AbortController).abort());
    expect((await liveResources(page)).listeners).toBe(0);
  });

  it('stops counting a once listener removed before it fires', async () => {
    const page = await blankPage();
    await page.evaluate(() => {
      const listener = () => undefined;
      window.addEventListener('ping', listener, { once: true });
      window.removeEventListener('ping', listener);
      window.dispatchEvent(new Event('ping'));
    });
    expect((await liveResources(page)).listeners).toBe(0);
  });

  it('reads the live chart count the app exposes, and counts canvases', async () => {
    const page = await blankPage();
    await page.evaluate(() => {
      document.body.append(document.createElement('canvas'), document.createElement('canvas'));
      (window as unknown as { __ioc: { liveCharts(): number } }).__ioc = { liveCharts: () => 3 };
    });
    expect(await liveResources(page)).toMatchObject({ charts: 3, canvases: 2 });
  });

  it('fails loudly when the page was opened without the script', async () => {
    const page = await blankPage(false);
    await expect(liveResources(page)).rejects.toThrow(/__instrument is missing/);
  });
});
