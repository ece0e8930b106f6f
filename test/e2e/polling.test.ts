import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { waitForPanelsReady } from '../support/browser';
import { editConfig, type Config } from '../support/config-route';
import { useE2eSuite } from '../support/suite';

/** Every API request the context makes (the page's and its service worker's), with the time and the answer. */
interface Seen {
  at: number;
  path: string;
  ifNoneMatch: string | null;
}

async function recordApi(context: BrowserContext): Promise<Seen[]> {
  const seen: Seen[] = [];
  await context.route('**/api/v1/**', async (route) => {
    const url = new URL(route.request().url());
    seen.push({ at: Date.now(), path: decodeURIComponent(url.pathname + url.search), ifNoneMatch: (await route.request().headerValue('if-none-match')) ?? null });
    await route.fallback();
  });
  return seen;
}

/** Only `feed` polls (`*`: every feed), every `seconds`; the others wait an hour. */
function onlyPolling(feed: string, seconds: number) {
  return (config: Config) => {
    config.request = { timeoutMs: 3000, retries: 0, retryBaseMs: 100 };
    for (const [id, f] of Object.entries(config.feeds) as [string, Config][]) f.refreshSeconds = id === feed || feed === '*' ? seconds : 3600;
  };
}

const since = (seen: readonly Seen[], t: number, prefix: string) => seen.filter((s) => s.at >= t && s.path.startsWith(prefix));

describe('a gentle client', () => {
  const suite = useE2eSuite({ env: { SAMPLE_DIPS: 'off' } });

  async function open(path: string, feed: string, seconds: number): Promise<{ page: Page; seen: Seen[] }> {
    let seen: Seen[] = [];
    const prepare = async (p: Page) => {
      await editConfig(p.context(), onlyPolling(feed, seconds));
      seen = await recordApi(p.context());
    };
    const o = await suite.open(path, { prepare });
    await waitForPanelsReady(o.page, { timeout: 20_000 });
    return { page: o.page, seen };
  }

  it('asks each query once per cadence, however many panels show it', async () => {
    const { page, seen } = await open('/', 'observations', 2);
    // The six headline tiles show one query (every index for the province).
    const tiles = await page.locator('[data-panel^="headline-"]').count();
    expect(tiles).toBe(6);
    const start = Date.now();
    await page.waitForTimeout(10_500);
    const byQuery = new Map<string, number>();
    for (const s of since(seen, start, '/api/v1/observations')) byQuery.set(s.path, (byQuery.get(s.path) ?? 0) + 1);
    // Every query in use was asked 5 times in 10.5 s at a 2 s cadence (a tick may fall either side of the window).
    expect(byQuery.get('/api/v1/observations?level=province')).toBeGreaterThanOrEqual(4);
    for (const [path, n] of byQuery) expect(n, path).toBeLessThanOrEqual(6);
  });

  it('revalidates with If-None-Match: a 304 keeps the panels as they are and moves their as-of on', async () => {
    // Every feed each second: a panel's as-of is its oldest input's, so all of them must be revalidated.
    const { page, seen } = await open('/', '*', 1);
    const tile = page.locator('[data-panel="headline-par"]');
    const asOf = await tile.getAttribute('data-as-of');
    // Count every change inside the panels' bodies from now on: a 304 must not redraw anything.
    await page.evaluate(() => {
      const w = window as unknown as { __mutations: number };
      w.__mutations = 0;
      const observer = new MutationObserver((list) => (w.__mutations += list.length));
      for (const body of document.querySelectorAll('[data-panel^="headline-"] .panel-body')) observer.observe(body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const start = Date.now();
    await page.waitForFunction((before) => document.querySelector('[data-panel="headline-par"]')?.getAttribute('data-as-of') !== before, asOf, { timeout: 5000 });
    await page.waitForTimeout(1500);
    const revalidations = since(seen, start, '/api/v1/observations?level=province');
    expect(revalidations.length).toBeGreaterThanOrEqual(1);
    expect(revalidations.every((s) => s.ifNoneMatch !== null)).toBe(true);
    await expect(tile.getAttribute('data-status')).resolves.toBe('ready');
    expect(Date.parse((await tile.getAttribute('data-as-of')) ?? '')).toBeGreaterThan(Date.parse(asOf ?? ''));
    expect(await tile.getAttribute('data-as-of')).toMatch(/\+07:00$/);
    expect(await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations)).toBe(0);
  });

  it('makes no request while hidden, and catches up once when shown again', async () => {
    const { page, seen } = await open('/', 'service-kpis', 1);
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => s === 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    const hiddenAt = Date.now();
    await page.waitForTimeout(4000);
    expect(since(seen, hiddenAt, '/api/v1/')).toEqual([]);
    const shownAt = Date.now();
    await setVisibility('visible');
    await page.waitForTimeout(400);
    const caughtUp = since(seen, shownAt, '/api/v1/service-kpis');
    expect(caughtUp).toHaveLength(1);
  });
});
