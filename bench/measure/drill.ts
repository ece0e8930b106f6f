/**
 * Drill-down latency on `/index/<indicator>`, two ways, each click on a unit not visited before:
 *
 * - **map** (the main figure): a click on the unit on the map (at `window.__ioc.unitPoint(code)`) until its info
 *   card is drawn, plus a click on the card's link until every panel of the unit page is ready and every chart
 *   has drawn. The reader's pause between the two clicks is not counted.
 * - **ranking**: a click on the unit's link in the ranking until the unit page is ready.
 *
 * Each time is read in the page, from the click event's timestamp to the first ready frame. Back between clicks.
 */
import type { Browser, Page } from 'playwright-core';
import { arm, openSession, waitSettled } from '../lib/session';
import { summarise, type Summary } from '../lib/stats';
import type { ReadySpec } from '../lib/probe';

export interface DrillResult {
  path: string;
  /** Map click → card, card link click → unit page ready, and their sum (ms). */
  mapToCard: Summary;
  cardToUnit: Summary;
  map: Summary;
  /** Ranking link click → unit page ready (ms). */
  ranking: Summary;
  units: { map: string[]; ranking: string[] };
}

const INDEX_READY: ReadySpec = { require: '[data-panel="index-map"] .base-chart', forbid: '[data-panel="unit-indices"]' };
const UNIT_READY: ReadySpec = { require: '[data-panel="unit-indices"]', forbid: '[data-panel="index-map"]' };

type Probe = { __ioc: { unitPoint(code: string): { x: number; y: number } | null } };

/** The unit's point on the map, if the map draws it and nothing (the card) covers it. */
function clickablePoint(page: Page, code: string) {
  return page.evaluate((c) => {
    const point = (window as unknown as Probe).__ioc.unitPoint(c);
    if (!point) return null;
    const hit = document.elementFromPoint(point.x, point.y);
    return hit?.closest('[data-panel="index-map"] .base-chart') ? point : null;
  }, code);
}

async function elapsedSinceClick(page: Page, stableMs: number): Promise<number> {
  const state = await waitSettled(page, { stableMs, timeoutMs: 30_000 });
  if (state.readyAt === null || state.lastClick === null) throw new Error('no click or no ready frame recorded');
  return state.readyAt - state.lastClick;
}

async function back(page: Page) {
  await arm(page, INDEX_READY);
  await page.goBack();
  await waitSettled(page, { stableMs: 200 });
}

export async function drillDown(
  browser: Browser,
  origin: string,
  options: { indicator?: string; clicks: number; log?: (line: string) => void },
): Promise<DrillResult> {
  const path = `/index/${options.indicator ?? 'par'}`;
  const session = await openSession(browser, { origin });
  try {
    const { page } = session;
    await page.goto(new URL(path, origin).href, { waitUntil: 'commit' });
    await arm(page, INDEX_READY);
    await waitSettled(page, { stableMs: 300 });
    const codes = await page.$$eval('[data-panel="index-ranking"] li[data-unit]', (els) => els.map((el) => el.getAttribute('data-unit') ?? ''));
    if (codes.length < 4) throw new Error(`only ${codes.length} units in the ranking of ${path}`);

    const mapToCard: number[] = [];
    const cardToUnit: number[] = [];
    const mapUnits: string[] = [];
    let next = 0;
    while (mapUnits.length < options.clicks) {
      if (next >= codes.length * 2) throw new Error(`no clickable unit left on the map of ${path}`);
      const code = codes[next++ % codes.length] as string;
      const point = await clickablePoint(page, code);
      if (!point) continue;
      const link = `[data-info-card] a[href^="/unit/${code}?"]`;
      await arm(page, { until: link });
      await page.mouse.click(point.x, point.y);
      mapToCard.push(await elapsedSinceClick(page, 0));
      await arm(page, UNIT_READY);
      await page.click(link);
      cardToUnit.push(await elapsedSinceClick(page, 300));
      mapUnits.push(code);
      options.log?.(`  map ${code}: card ${mapToCard.at(-1)?.toFixed(0)} ms + unit ${cardToUnit.at(-1)?.toFixed(0)} ms`);
      await back(page);
    }

    const ranking: number[] = [];
    const rankingUnits: string[] = [];
    const fresh = codes.filter((c) => !mapUnits.includes(c));
    for (const code of [...fresh, ...mapUnits].slice(0, options.clicks)) {
      await arm(page, UNIT_READY);
      await page.click(`[data-panel="index-ranking"] a[href^="/unit/${code}?"]`);
      ranking.push(await elapsedSinceClick(page, 300));
      rankingUnits.push(code);
      options.log?.(`  ranking ${code}: ${ranking.at(-1)?.toFixed(0)} ms`);
      await back(page);
    }

    return {
      path,
      mapToCard: summarise(mapToCard),
      cardToUnit: summarise(cardToUnit),
      map: summarise(mapToCard.map((m, i) => m + (cardToUnit[i] ?? 0))),
      ranking: summarise(ranking),
      units: { map: mapUnits, ranking: rankingUnits },
    };
  } finally {
    await session.close();
  }
}
