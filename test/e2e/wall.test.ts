import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForPanelsReady } from '../support/browser';
import { editConfig } from '../support/config-route';
import { INSTRUMENT_SCRIPT, liveResources } from '../support/instrument';
import { useE2eSuite } from '../support/suite';


/** Live KPIs every second, short retries, a 3 s interrupt: the wall's reactions in test time. */
async function quickWall(page: Page) {
  await editConfig(page.context(), (config) => {
    config.request = { timeoutMs: 3000, retries: 0, retryBaseMs: 100 };
    config.feeds['service-kpis'].refreshSeconds = 1;
    config.wall.interruptSeconds = 3;
  });
}

const SCENES = ['headline', 'par', 'papi', 'services', 'alerts'];

describe('the wall', () => {
  // Natural threshold dips off: the only breaches are the ones a test forces.
  const { open, url, faults } = useE2eSuite({ env: { SAMPLE_DIPS: 'off' }, healFaults: true });
  const scene = (page: Page) => page.getAttribute('.wall', 'data-scene');

  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    it(`fits every scene on a ${width}×${height} screen: no scrolling, nothing cut, every panel ready, type readable from afar`, async () => {
      const { page, unexpectedProblems } = await open('/wall?rotate=0', { width, height });
      for (const key of SCENES) {
        await page.goto(url(`/wall?rotate=0&scene=${key}`));
        await waitForPanelsReady(page);
        const layout = await page.evaluate(() => {
          const root = document.documentElement;
          const texts = [...document.querySelectorAll('.wall *')].filter(
            (el) => el.checkVisibility() && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()),
          );
          const sizes = texts.map((el) => parseFloat(getComputedStyle(el).fontSize));
          const numbers = [...document.querySelectorAll('.headline-number')].map((el) => parseFloat(getComputedStyle(el).fontSize));
          const panels = [...document.querySelectorAll('[data-panel]')].map((el) => el.getBoundingClientRect());
          const overflowing = panels.filter((r) => r.right > innerWidth + 1 || r.bottom > innerHeight + 1).length;
          // Text that runs past the bottom of its panel, and names cut short with an ellipsis.
          const spilt = texts
            .filter((el) => {
              const panel = el.closest('[data-panel]');
              return panel && el.getBoundingClientRect().bottom > panel.getBoundingClientRect().bottom + 1;
            })
            .map((el) => el.textContent?.trim());
          const cut = [...document.querySelectorAll('.movers-name')].filter((el) => el.checkVisibility() && el.scrollWidth > el.clientWidth).map((el) => el.textContent);
          return {
            scrollX: root.scrollWidth - innerWidth,
            scrollY: root.scrollHeight - innerHeight,
            smallest: Math.min(...sizes),
            numbers,
            overflowing,
            spilt,
            cut,
            viewport: innerHeight,
          };
        });
        expect(layout.scrollX, `${key}: horizontal scroll`).toBeLessThanOrEqual(0);
        expect(layout.scrollY, `${key}: vertical scroll`).toBeLessThanOrEqual(0);
        expect(layout.overflowing, `${key}: panels off screen`).toBe(0);
        expect(layout.spilt, `${key}: text past the bottom of its panel`).toEqual([]);
        expect(layout.cut, `${key}: names cut short`).toEqual([]);
        expect(layout.smallest, `${key}: smallest text`).toBeGreaterThanOrEqual(layout.viewport * 0.011);
        for (const size of layout.numbers) expect(size, `${key}: headline number`).toBeGreaterThanOrEqual(layout.viewport * 0.04);
      }
      expect(unexpectedProblems()).toEqual([]);
    });
  }

  // The breach cards were counted from a share of the screen's height, without the gap between them: on a 720p
  // TV ten were let into room for nine, and the last ran under the panel's edge.
  it('shows as many breaches as fit on a 720p TV, whole, and sums up the rest', async () => {
    const manyBreaches = (page: Page) =>
      editConfig(page.context(), (config) => {
        config.thresholds.online = { warn: 70, alert: 60 };
      });
    const { page } = await open('/wall?rotate=0&scene=alerts', { width: 1280, height: 720, prepare: manyBreaches });
    await waitForPanelsReady(page);
    const list = await page.$eval('[data-panel="wall-alerts"]', (panel) => {
      const bottom = panel.getBoundingClientRect().bottom;
      const cards = [...panel.querySelectorAll('.breach')];
      return {
        title: panel.querySelector('h2, h3')?.textContent ?? '',
        shown: cards.length,
        spilt: cards.filter((c) => c.getBoundingClientRect().bottom > bottom + 1).length,
        more: panel.querySelector('.breach-more')?.textContent ?? '',
        moreInside: (panel.querySelector('.breach-more')?.getBoundingClientRect().bottom ?? Infinity) <= bottom + 1,
      };
    });
    const total = Number(/\((\d+)\)/.exec(list.title)?.[1]);
    expect(total).toBeGreaterThan(list.shown);
    expect(list.shown).toBeGreaterThanOrEqual(5);
    expect(list.spilt).toBe(0);
    expect(list.moreInside).toBe(true);
    expect(list.more).toContain(String(total - list.shown));
  });

  it('draws charts at the screen pixel ratio, without CSS scaling', async () => {
    const { page } = await open('/wall?rotate=0&scene=par', { deviceScaleFactor: 2 });
    await waitForPanelsReady(page);
    await page.waitForSelector('[data-panel="wall-map"] canvas');
    const canvases = await page.$$eval('.wall canvas', (els) =>
      els.map((c) => {
        const canvas = c as HTMLCanvasElement;
        const box = canvas.getBoundingClientRect();
        let transformed = false;
        for (let el: Element | null = canvas; el; el = el.parentElement) if (getComputedStyle(el).transform !== 'none') transformed = true;
        return { ratio: canvas.width / box.width, transformed };
      }),
    );
    expect(canvases.length).toBeGreaterThan(0);
    for (const c of canvases) {
      expect(c.ratio).toBeCloseTo(2, 1);
      expect(c.transformed).toBe(false);
    }
  });

  // A SIPAS mover had read "92,31 % +6,49 %": a change of a percentage is in points, not a relative change.
  it("gives a percentage index's movers as a signed change in points, beside values in %", async () => {
    const { page } = await open('/wall?rotate=0&scene=sipas');
    await waitForPanelsReady(page);
    const rows = await page.$$eval('[data-panel="wall-movers"] .movers-list li', (els) =>
      els.map((li) => ({ value: li.querySelector('.movers-value')?.textContent ?? '', change: li.querySelector('.movers-change')?.textContent ?? '' })),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.value).toMatch(/^\d+,\d{2}\u00a0%$/);
      expect(r.change).toMatch(/^[+−±]\d+,\d{2}\*?$/);
    }
  });

  it('rotates by itself, and the keyboard steps, pauses and resumes', async () => {
    const { page } = await open('/wall?rotate=2&scene=headline');
    await waitForPanelsReady(page);
    await page.waitForFunction(() => document.querySelector('.wall')?.getAttribute('data-scene') === 'index:par', null, { timeout: 6000 });

    await page.keyboard.press('ArrowRight');
    expect(await scene(page)).toBe('index:sipas');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await scene(page)).toBe('headline');

    await page.keyboard.press('Space');
    expect(await page.getAttribute('.wall', 'data-paused')).toBe('true');
    await page.waitForTimeout(3000);
    expect(await scene(page)).toBe('headline');
    await page.keyboard.press('Space');
    expect(await page.getAttribute('.wall', 'data-paused')).toBeNull();
    await page.waitForFunction(() => document.querySelector('.wall')?.getAttribute('data-scene') === 'index:par', null, { timeout: 6000 });
    await expect(page.locator('.wall-progress-fill').count()).resolves.toBe(1);
  });

  it('keeps its place across a reload, and kiosk mode hides the controls', async () => {
    const { page } = await open('/wall?rotate=0&kiosk=1');
    await waitForPanelsReady(page);
    expect(await page.locator('.wall-controls').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const before = await scene(page);
    await page.reload();
    await waitForPanelsReady(page);
    expect(await scene(page)).toBe(before);
    expect(await page.locator('.wall-controls').count()).toBe(0);
  });

  it('lets a breach take over with the alert scene, once, then resumes where it left off', async () => {
    const { page } = await open('/wall?rotate=0&scene=pci', { prepare: quickWall });
    await waitForPanelsReady(page);
    const [unit] = await page.evaluate(async () => {
      const body = (await (await fetch('/api/v1/units?level=commune')).json()) as { data: { units: { code: string; name: string }[] } };
      return body.data.units.map((u) => u.code);
    });
    await faults('POST', { feed: 'service-kpis', breach: { unit, kpi: 'on-time', value: 71 } });
    await page.waitForFunction(() => document.querySelector('.wall')?.getAttribute('data-scene') === 'alerts', null, { timeout: 8000 });
    await expect(page.locator('.breach--fresh').count()).resolves.toBe(1);
    await expect(page.locator('.breach--fresh').textContent()).resolves.toContain('71,0');
    await page.waitForFunction(() => document.querySelector('.wall')?.getAttribute('data-scene') === 'index:pci', null, { timeout: 8000 });
    // Still in breach: not announced again.
    await page.waitForTimeout(2500);
    expect(await scene(page)).toBe('index:pci');
  });

  it('shows stale badges and the offline banner while the live feed is down, and clears them when it heals', async () => {
    const { page, expectFailures } = await open('/wall?rotate=0&scene=services', { prepare: quickWall });
    await waitForPanelsReady(page);
    expect(await page.locator('[data-offline-banner]').count()).toBe(0);
    expectFailures(/service-kpis/);
    await faults('POST', { feed: 'service-kpis', status: 503 });
    await page.waitForSelector('[data-offline-banner]', { timeout: 8000 });
    await page.waitForSelector('[data-panel="wall-services-units"][data-status="stale"]');
    await expect(page.locator('[data-panel="wall-services-units"] .badge--stale').count()).resolves.toBe(1);
    await expect(page.locator('[data-offline-banner]').textContent()).resolves.toContain('HTTP 503');
    await faults('DELETE');
    await page.waitForSelector('[data-panel="wall-services-units"][data-status="ready"]', { timeout: 8000 });
    await page.waitForFunction(() => !document.querySelector('[data-offline-banner]'), null, { timeout: 8000 });
  });

  it('leaves no chart, timer or listener behind: after 200 scene changes as many live as after 2', async () => {
    const { page } = await open('/wall?rotate=0&scene=headline', { prepare: async (p) => void (await p.addInitScript({ content: INSTRUMENT_SCRIPT })) });
    await waitForPanelsReady(page);
    const settle = async () => {
      await waitForPanelsReady(page);
      await page.waitForTimeout(1500);
    };
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await settle();
    const after2 = await liveResources(page);
    // The counts are of real timers and listeners (under the suite's clock, its fake timers wrapped by the
    // script): a script that counted nothing would pass the comparison below on zeros.
    expect(after2.timeouts + after2.intervals).toBeGreaterThan(0);
    expect(after2.listeners).toBeGreaterThan(0);
    for (let i = 0; i < 198; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(i % 9 === 0 ? 300 : 40);
    }
    await settle();
    const after200 = await liveResources(page);
    expect(await scene(page)).toBe('index:sipas');
    expect(after200.charts).toBeGreaterThan(0);
    expect(after200).toEqual(after2);
    // 200 scenes drawn one after another: about 20 s alone, and more than the suite's 60 s per test on a 2-core
    // machine busy with the browser file that runs beside it. It asserts what is left behind, not how fast.
  }, 180_000);
});
