/**
 * The live one-stop-shop figures at four moments a wall lives through: a weekday mid-morning, 01:00 at night, a
 * Sunday and a public holiday. The sample's clock (and the pages') is pinned to each, so these hold at any hour the
 * suite runs. What a reader must see: the period the figures cover, named, and figures, not rows of dashes.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2eSuite } from '../support/suite';
import { waitForPanelsReady } from '../support/browser';

interface Moment {
  name: string;
  now: string;
  /** The period line of every service panel, as the reader sees it. */
  period: string;
  /** Why it is not today's, when it is not. */
  note: string | null;
  /** The month so far. */
  month: string;
}

const MOMENTS: Moment[] = [
  {
    name: 'a weekday at 10:00',
    now: '2026-03-10T10:00:00+07:00',
    period: 'Hôm nay, đến 10:0',
    note: null,
    month: 'Từ đầu tháng 3/2026 đến 09/03',
  },
  {
    name: 'a weekday at 01:00',
    now: '2026-03-10T01:00:00+07:00',
    period: 'Ngày làm việc gần nhất: Thứ Hai, 09/03',
    note: 'Hôm nay chưa đủ hồ sơ để tính tỷ lệ.',
    month: 'Từ đầu tháng 3/2026 đến 09/03',
  },
  {
    name: 'a Sunday at 10:00',
    now: '2026-03-08T10:00:00+07:00',
    period: 'Ngày làm việc gần nhất: Thứ Sáu, 06/03',
    note: 'Hôm nay, Chủ Nhật, 08/03, là ngày nghỉ.',
    month: 'Từ đầu tháng 3/2026 đến 07/03',
  },
  {
    name: 'a public holiday at 10:00',
    now: '2026-04-30T10:00:00+07:00',
    period: 'Ngày làm việc gần nhất: Thứ Tư, 29/04',
    note: 'Hôm nay nghỉ lễ: Ngày Thống nhất và Quốc tế Lao động.',
    month: 'Từ đầu tháng 4/2026 đến 29/04',
  },
];

/** The text of an element, with no-break spaces as spaces. */
const textOf = (page: Page, selector: string) => page.locator(selector).first().innerText().then((t) => t.replace(/\u00a0/g, ' '));

/** How many of the elements matching `selector` show a percentage. */
const percentages = (page: Page, selector: string) =>
  page.$$eval(selector, (cells) => cells.filter((cell) => /\d+,\d\s%/.test((cell.textContent ?? '').replace(/\u00a0/g, ' '))).length);

for (const moment of MOMENTS) {
  describe(`live figures on ${moment.name}`, () => {
    const { open } = useE2eSuite({ now: moment.now });

    it('the overview names the period, gives every KPI a figure and its month, and ranks the units by the month', async () => {
      const { page, unexpectedProblems } = await open('/');
      await waitForPanelsReady(page);
      const period = await textOf(page, '[data-panel="service-kpis"] [data-service-period]');
      expect(period).toContain(moment.period);
      if (moment.note) expect(period).toContain(moment.note);
      expect(period).toContain(moment.month);
      expect(await percentages(page, '[data-panel="service-kpis"] .kpi-value')).toBe(6);
      expect(await page.locator('[data-panel="service-kpis"] .kpi-month').count()).toBe(6);
      expect(await page.locator('[data-panel="service-ranking"] ol li').count()).toBeGreaterThan(10);
      expect(await textOf(page, '[data-panel="service-ranking"] h2')).toContain(moment.month);
      expect(unexpectedProblems()).toEqual([]);
    });

    it("the wall's services scene names the period and fills the units' rows with figures", async () => {
      const { page, unexpectedProblems } = await open('/wall?rotate=0&scene=services');
      await waitForPanelsReady(page);
      const period = await textOf(page, '[data-panel="wall-services-province"] [data-service-period]');
      expect(period).toContain(moment.period);
      if (moment.note) expect(period).toContain(moment.note);
      const rows = await page.locator('[data-panel="wall-services-units"] tbody tr').count();
      expect(rows).toBeGreaterThan(5);
      // Most cells hold a rate: at night too, the close of the last working day.
      const cells = await page.locator('[data-panel="wall-services-units"] tbody td').count();
      expect(await percentages(page, '[data-panel="wall-services-units"] tbody td')).toBeGreaterThan(cells * 0.6);
      expect(unexpectedProblems()).toEqual([]);
    });

    if (moment.name === 'a weekday at 10:00') {
      it("a commune's page shows its figures, then each KPI's trend over the month", async () => {
        const { page, unexpectedProblems } = await open('/');
        await waitForPanelsReady(page);
        await page.locator('[data-panel="service-ranking"] ol li a').first().click();
        await page.waitForURL(/\/unit\/\d+/);
        await waitForPanelsReady(page);
        const panel = '[data-panel="unit-services"]';
        expect(await textOf(page, `${panel} [data-service-period]`)).toContain(moment.period);
        expect(await percentages(page, `${panel} .kpi-value`)).toBe(6);
        // The trends come after the unit's own figures: each KPI's sparkline, named in words for a screen reader.
        const trends = page.locator(`${panel} svg.kpi-trend[role="img"]`);
        await expect.poll(() => trends.count(), { timeout: 10_000 }).toBe(6);
        expect(await trends.first().getAttribute('aria-label')).toMatch(/\d+,\d\s?%/);
        expect(unexpectedProblems()).toEqual([]);
      });
    }

    if (moment.name === 'a Sunday at 10:00') {
      it("never shows a Sunday's handful of files as today's while the closes are slow to come", async () => {
        // The closes held back until today's figures have long been drawn: every period text the scene ever shows is kept.
        const prepare = async (p: Page) => {
          await p.context().route('**/api/v1/service-kpis/closes*', async (route) => {
            await new Promise((resolve) => setTimeout(resolve, 1500));
            await route.continue();
          });
          await p.addInitScript(() => {
            const seen: string[] = [];
            Object.assign(window, { __periods: seen });
            new MutationObserver(() => {
              const text = document.querySelector('[data-panel="wall-alerts"] [data-service-period]')?.textContent ?? '';
              if (text && seen.at(-1) !== text) seen.push(text);
            }).observe(document, { subtree: true, childList: true, characterData: true });
          });
        };
        const { page, unexpectedProblems } = await open('/wall?rotate=0&scene=alerts', { prepare });
        await waitForPanelsReady(page);
        const seen = await page.evaluate(() => (window as unknown as { __periods: string[] }).__periods.map((t) => t.replace(/\u00a0/g, ' ')));
        expect(seen.length).toBeGreaterThan(0);
        for (const text of seen) expect(text).toContain(moment.period);
        expect(unexpectedProblems()).toEqual([]);
      });
    }

    it("the wall's alert scene names the period its breaches are from", async () => {
      const { page, unexpectedProblems } = await open('/wall?rotate=0&scene=alerts');
      await waitForPanelsReady(page);
      const period = await textOf(page, '[data-panel="wall-alerts"] [data-service-period]');
      expect(period).toContain(moment.period);
      expect(unexpectedProblems()).toEqual([]);
    });
  });
}
