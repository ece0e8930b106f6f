import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForPanelsReady } from '../support/browser';
import { useE2eSuite } from '../support/suite';

interface ApiRow {
  province: string;
  value: number;
  rank: number;
  rankOf: number;
  own: boolean;
}

describe('the national standing page, end to end', () => {
  const { open, url } = useE2eSuite();

  async function api<T>(path: string, method = 'GET'): Promise<T> {
    const response = await fetch(url(path), { method });
    return (await response.json()) as T;
  }

  async function ownRow(period: number): Promise<ApiRow> {
    const body = await api<{ data: { rows: ApiRow[] } }>(`api/v1/national?indicator=par&period=${period}`);
    const own = body.data.rows.find((r) => r.own);
    if (!own) throw new Error(`no own row in ${period}`);
    return own;
  }

  const title = (page: Page, panel: string) => page.locator(`[data-panel="${panel}"] h2`).textContent();

  it('shows the province among 34 provinces in 2025, with the rank the API gives, from one request for every year', async () => {
    await api('__mock/requests', 'DELETE');
    const { page, unexpectedProblems } = await open('/national/par?period=2025');
    await waitForPanelsReady(page);
    const ids = await page.$$eval('[data-panel]', (els) => els.map((el) => el.getAttribute('data-panel')));
    expect(ids.sort()).toEqual(['national-movement', 'national-ranking', 'national-summary']);
    // Counted before this test asks the API itself.
    const counts = (await api<{ counts: Record<string, number> }>('__mock/requests')).counts;
    expect(counts.national).toBe(1);

    const own = await ownRow(2025);
    await expect(title(page, 'national-ranking')).resolves.toContain('34 tỉnh, thành phố');
    const ranking = page.locator('[data-panel="national-ranking"] [data-highlight]');
    expect(await ranking.getAttribute('data-highlight')).toBe(own.province);
    expect(await ranking.getAttribute('data-rows')).toBe('34');
    await expect(page.locator('[data-summary-rank]').textContent()).resolves.toBe(`Hạng ${own.rank}/${own.rankOf}`);
    await expect(page.locator('[data-panel="national-summary"]').textContent()).resolves.toContain(own.value.toFixed(2).replace('.', ','));
    // 2024 ranked 63 provinces: the summary compares positions, not places, and says why.
    await expect(page.locator('[data-field-note]').textContent()).resolves.toContain('từ 63 thành 34');
    await expect(page.locator('[aria-current="page"][data-year]').textContent()).resolves.toContain('2025');
    await expect(page.locator('nav.national-years').textContent()).resolves.toContain('Từ 2025: 34 tỉnh, thành phố sau sắp xếp');
    expect(await page.getAttribute('[data-panel="national-ranking"]', 'data-as-of')).toMatch(/\+07:00$/);

    expect(await page.locator('a.national-back').getAttribute('href')).toBe('/?indicator=par&period=2025');
    expect(await page.locator('a.national-detail').getAttribute('href')).toBe('/index/par?period=2025');
    expect(await page.locator('a[data-year="2019"]').getAttribute('href')).toBe('/national/par?period=2019');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('goes to 2024 by a real link (63 provinces), and back returns to 2025 as it was, without asking again', async () => {
    const own2024 = await ownRow(2024);
    const { page, unexpectedProblems } = await open('/national/par?period=2025');
    await waitForPanelsReady(page);
    await api('__mock/requests', 'DELETE');
    const before = await page.locator('[data-panel="national-summary"]').textContent();

    await page.locator('a[data-year="2024"]').click();
    await page.waitForURL(/period=2024/);
    await expect(title(page, 'national-ranking')).resolves.toContain('63 tỉnh, thành phố');
    await expect(page.locator('[data-summary-rank]').textContent()).resolves.toBe(`Hạng ${own2024.rank}/63`);
    expect(await page.locator('[data-panel="national-ranking"] [data-rows]').getAttribute('data-rows')).toBe('63');
    await expect(page.locator('[aria-current="page"][data-year]').textContent()).resolves.toContain('2024');
    await expect(page.locator('[data-field-note]').count()).resolves.toBe(0);

    await page.goBack();
    await page.waitForURL(/period=2025/);
    await expect(title(page, 'national-ranking')).resolves.toContain('34 tỉnh, thành phố');
    await expect(page.locator('[aria-current="page"][data-year]').textContent()).resolves.toContain('2025');
    await waitForPanelsReady(page);
    expect(await page.locator('[data-panel="national-summary"]').textContent()).toBe(before);
    expect((await api<{ counts: Record<string, number> }>('__mock/requests')).counts.national ?? 0).toBe(0);
    expect(unexpectedProblems()).toEqual([]);
  });

  it('names an unknown index and links to the known ones', async () => {
    const { page, unexpectedProblems } = await open('/national/happiness?period=2024');
    const heading = page.locator('h1');
    await expect(heading.textContent()).resolves.toContain('“happiness”');
    const links = await page.locator('main a').evaluateAll((els) => els.map((el) => el.getAttribute('href')));
    expect(links).toContain('/national/par?period=2024');
    expect(links).toContain('/national/dti?period=2024');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('on a 1024×768 touch tablet, every link and button is at least 44 px tall', async () => {
    const { page, unexpectedProblems } = await open('/national/par?period=2025', { width: 1024, height: 768, hasTouch: true });
    await waitForPanelsReady(page);
    // The page's own links and buttons (the app header is shared by every page and checked with it).
    const targets = await page.locator('main a, main button').all();
    expect(targets.length).toBeGreaterThanOrEqual(12);
    const small: string[] = [];
    for (const target of targets) {
      if (!(await target.isVisible())) continue;
      const box = await target.boundingBox();
      if (!box || box.height < 44) small.push(`${(await target.textContent())?.trim()}: ${box?.height ?? 'no box'} px`);
    }
    expect(small).toEqual([]);
    // The page stacks: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    expect(unexpectedProblems()).toEqual([]);
  });
});
