import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { waitForPanelsReady } from '../support/browser';
import { runAxe, seriousOrCritical, type AxeFinding } from '../support/axe';
import { editConfig } from '../support/config-route';
import { useE2eSuite } from '../support/suite';

/** Every route and every wall scene, on a desk (dark theme) and on a touch tablet (light theme, but the wall's). */
const ROUTES = [
  '/',
  '/wall?rotate=0&scene=headline',
  '/wall?rotate=0&scene=par',
  '/wall?rotate=0&scene=services',
  '/wall?rotate=0&scene=alerts',
  '/index/par',
  '/index/pci?period=2024',
  '/unit/99003?indicator=par',
  '/unit/99?indicator=papi',
  '/compare?units=99003,99006,99009&period=2025',
  '/national/par',
  '/status',
];

interface RouteResult {
  route: string;
  device: string;
  language: string;
  violations: AxeFinding[];
  passes: number;
}

describe('accessibility', () => {
  const results: RouteResult[] = [];
  const suite = useE2eSuite({
    env: { SAMPLE_DIPS: 'off' },
    afterAll: () => {
      // The record behind the note: every route's violations of any impact.
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/axe.json', `${JSON.stringify(results, null, 2)}\n`);
    },
  });

  async function open(path: string, touch = false): Promise<Page> {
    const page = await suite.open(path, touch ? { width: 1024, height: 768, hasTouch: true } : {});
    await waitForPanelsReady(page.page, { timeout: 20_000 });
    return page.page;
  }

  async function check(page: Page, route: string, device: string) {
    const report = await runAxe(page);
    const language = (await page.getAttribute('html', 'lang')) ?? '?';
    const theme = (await page.getAttribute('html', 'data-theme')) ?? '?';
    results.push({ route, device: `${device}, ${theme}`, language, violations: report.violations, passes: report.passes });
    return seriousOrCritical(report);
  }

  /** The routes whose charts are also checked shown as tables, on the same desk page once its charts have been. */
  const AS_TABLES = new Set(['/index/par', '/unit/99003?indicator=par', '/compare?units=99003,99006,99009&period=2025', '/national/par', '/wall?rotate=0&scene=par']);

  /** Every chart's table toggle pressed, then axe again. */
  async function checkAsTables(page: Page, route: string): Promise<string[]> {
    const toggles = page.locator('button[data-table-toggle]');
    const n = await toggles.count();
    expect(n, route).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await toggles.nth(i).click();
    await expect(page.locator('table[data-chart-table]').count()).resolves.toBe(n);
    return check(page, route, 'desk 1920×1080, every chart as a table');
  }

  for (const route of ROUTES) {
    const tables = AS_TABLES.has(route);
    it(`has no serious or critical axe violation on ${route}, on a desk${tables ? ' (charts, then every chart as a table)' : ''} and on a tablet`, async () => {
      const deskPage = await open(route);
      const desk = await check(deskPage, route, 'desk 1920×1080');
      const asTables = tables ? await checkAsTables(deskPage, route) : [];
      const tablet = await check(await open(route, true), route, 'tablet 1024×768');
      expect({ desk, asTables, tablet }).toEqual({ desk: [], asTables: [], tablet: [] });
    });
  }

  // CI found it by the time of day: when enough units were below a threshold, the overview's list of them scrolled
  // on a tablet and could not be reached from the keyboard (axe: scrollable-region-focusable).
  it('keeps a long list of units below threshold reachable from the keyboard on a tablet', async () => {
    const opened = await suite.open('/', {
      width: 1024,
      height: 768,
      hasTouch: true,
      prepare: (page) =>
        editConfig(page.context(), (config) => {
          config.thresholds.online = { warn: 70, alert: 60 };
        }),
    });
    const page = opened.page;
    await waitForPanelsReady(page, { timeout: 20_000 });
    // The box that scrolls: the list itself or the region around it.
    await page.$eval('[data-panel="service-kpis"] .services-breaches', (ul) => {
      let el: Element | null = ul;
      while (el && getComputedStyle(el).overflowY !== 'auto') el = el.parentElement;
      el?.setAttribute('data-scroller', '');
    });
    const list = page.locator('[data-panel="service-kpis"] [data-scroller]');
    expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(await check(page, '/ (many below threshold)', 'tablet 1024×768')).toEqual([]);
    await list.focus();
    await page.keyboard.press('End');
    await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  });

  it('shows the map as a table in the ranking\'s order, with headers, and back as a chart', async () => {
    const page = await open('/index/par');
    const ranking = await page.$$eval('[data-panel="index-ranking"] li[data-unit] .ranking-name', (els) => els.map((el) => el.textContent?.trim()));
    const toggle = page.locator('[data-panel="index-map"] button[data-table-toggle]');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const table = page.locator('[data-panel="index-map"] table[data-chart-table]');
    await expect(table.locator('caption').count()).resolves.toBe(1);
    await expect(table.locator('thead th[scope="col"]').count()).resolves.toBeGreaterThanOrEqual(3);
    const rows = await table.locator('tbody th[scope="row"]').allTextContents();
    expect(rows.map((r) => r.trim()).slice(0, 10)).toEqual(ranking.slice(0, 10));
    expect(rows).toHaveLength(80);
    await expect(page.locator('[data-panel="index-map"] .base-chart').count()).resolves.toBe(0);
    await toggle.click();
    await page.waitForSelector('[data-panel="index-map"] .base-chart[data-drawn]');
  });

  for (const route of ['/', '/index/par']) {
    it(`has none in English either, on ${route}`, async () => {
      const page = await open(route);
      await page.getByRole('button', { name: 'EN' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await check(page, route, 'desk 1920×1080')).toEqual([]);
    });
  }
});
