import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForPanelsReady, type OpenPageOptions } from '../support/browser';
import { editConfig, type Config } from '../support/config-route';
import { useE2eSuite } from '../support/suite';


/** Serves config.json with some settings changed, as an operator would edit it. */
function withConfig(change: (config: Config) => void): OpenPageOptions['prepare'] {
  return async (page: Page) => editConfig(page.context(), change);
}

/** Quick refreshes and short retries, so a test sees a failure and a recovery in seconds. */
const fastFeeds = withConfig((config) => {
  config.request = { timeoutMs: 3000, retries: 0, retryBaseMs: 100 };
  for (const feed of Object.values(config.feeds) as Config[]) feed.refreshSeconds = 1;
});

describe('the overview, end to end', () => {
  const { open, url, faults } = useE2eSuite({ healFaults: true });

  it('shows every index of the latest year with the figures the API returned, and no errors', async () => {
    const { page, unexpectedProblems } = await open();
    await waitForPanelsReady(page);
    const ids = await page.$$eval('[data-panel]', (els) => els.map((el) => el.getAttribute('data-panel')));
    expect(ids).toEqual(['headline-par', 'headline-sipas', 'headline-pci', 'headline-papi', 'headline-ict', 'headline-dti', 'components', 'ranking', 'service-kpis', 'service-ranking']);

    const api = (await (await fetch(url('api/v1/observations?level=province&period=2025&indicator=par'))).json()) as {
      data: { rows: { value: number; rank: number; rankOf: number }[] };
    };
    const par = api.data.rows[0]!;
    const tile = page.locator('[data-panel="headline-par"]');
    await expect(tile.textContent()).resolves.toContain(par.value.toFixed(2).replace('.', ','));
    await expect(tile.textContent()).resolves.toContain(`Hạng ${par.rank}/${par.rankOf}`);
    await expect(page.locator('[data-sample-mark]').textContent()).resolves.toContain('Dữ liệu mẫu');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.getAttribute('[data-panel="ranking"]', 'data-as-of')).toMatch(/\+07:00$/);
    expect(unexpectedProblems()).toEqual([]);
  });

  it('dates each panel by the feed its figures come from: the live KPIs by their minute, not by the catalogue', async () => {
    const answers: Promise<{ asOf: string }>[] = [];
    const { page } = await open('/', {
      prepare: async (p) =>
        void p.on('response', (response) => {
          if (new URL(response.url()).pathname.endsWith('/api/v1/service-kpis') && response.status() === 200) answers.push(response.json());
        }),
    });
    await waitForPanelsReady(page);
    const live = await answers[0];
    const meta = (await (await fetch(url('api/v1/meta'))).json()) as { asOf: string };
    expect(live?.asOf).toMatch(/\+07:00$/);
    expect(await page.getAttribute('[data-panel="service-kpis"]', 'data-as-of')).toBe(live?.asOf);
    // The catalogue is stamped once a day: the live panel uses it, but is not "as of" it.
    if (live?.asOf !== meta.asOf) await expect(page.locator('[data-panel="service-kpis"] .panel-asof').textContent()).resolves.not.toContain('00:00');
  });

  it('loads no chart library on the overview, which draws no chart, and loads it for a view that does', async () => {
    // ECharts marks the element of each instance with this attribute: a string no other code of the app carries.
    const marker = '_echarts_instance_';
    // The scripts a page fetched, recorded from the first request on. (Not the page's resource timing: under
    // Playwright's clock, which the suite installs, performance.getEntriesByType answers [].)
    const openRecordingScripts = async (path: string) => {
      const scripts: string[] = [];
      const opened = await open(path, { prepare: async (p) => void p.on('request', (request) => request.url().endsWith('.js') && scripts.push(request.url())) });
      return { ...opened, scripts };
    };
    const scriptsWith = async (urls: string[], text: string) => {
      const bodies = await Promise.all(urls.map(async (url) => (await fetch(url)).text()));
      return urls.filter((_, i) => bodies[i]?.includes(text));
    };
    const overview = await openRecordingScripts('/');
    await waitForPanelsReady(overview.page);
    expect(overview.scripts.length).toBeGreaterThan(0);
    expect(await scriptsWith(overview.scripts, marker)).toEqual([]);
    const wall = await openRecordingScripts('/wall?rotate=0&scene=par');
    await waitForPanelsReady(wall.page);
    expect((await scriptsWith(wall.scripts, marker)).length).toBeGreaterThan(0);
  });

  it('switches to English in place, keeping the view and its figures', async () => {
    const { page, unexpectedProblems } = await open('/?indicator=pci');
    await waitForPanelsReady(page);
    const before = await page.locator('[data-panel="headline-pci"]').textContent();
    await page.getByRole('button', { name: 'EN' }).click();
    await expect(page.locator('[data-panel="components"] h2').textContent()).resolves.toBe('Components: PCI 2025');
    expect(new URL(page.url()).search).toBe('?indicator=pci');
    const after = await page.locator('[data-panel="headline-pci"]').textContent();
    const number = /(\d+)[,.](\d\d)/.exec(before ?? '');
    expect(after).toContain(`${number?.[1]}.${number?.[2]}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('drills from a headline to the index by a real link, and picks the ranking\'s index in place', async () => {
    const { page } = await open();
    await waitForPanelsReady(page);
    const link = page.locator('[data-panel="headline-sipas"] a');
    expect(await link.getAttribute('href')).toBe('/index/sipas?period=2025');
    const chip = page.locator('nav.overview-pick a', { hasText: 'SIPAS' });
    expect(await chip.getAttribute('href')).toBe('/?indicator=sipas');
    await chip.click();
    await page.waitForURL(/indicator=sipas/);
    await expect(page.locator('[data-panel="ranking"] h2').textContent()).resolves.toContain('SIPAS');
    await waitForPanelsReady(page);
    await page.goBack();
    await page.waitForURL((url) => url.search === '');
    await expect(page.locator('[data-panel="ranking"] h2').textContent()).resolves.toContain('PAR INDEX');
  });

  it('shows a broken feed as an error on its own panel, keeps the others, and recovers when the feed heals', async () => {
    await faults('POST', { feed: 'service-kpis', status: 503 });
    const { page, unexpectedProblems } = await open('/', { prepare: fastFeeds, expectedFailures: [/service-kpis/] });
    const panel = page.locator('[data-panel="service-kpis"]');
    await page.waitForSelector('[data-panel="service-kpis"][data-status="error"]');
    await expect(panel.getByRole('alert').textContent()).resolves.toContain('HTTP 503');
    await waitForPanelsReady(page, { accept: ['ready', 'error'] });
    expect(await page.getAttribute('[data-panel="ranking"]', 'data-status')).toBe('ready');

    await faults('DELETE');
    await page.waitForSelector('[data-panel="service-kpis"][data-status="ready"]', { timeout: 15_000 });
    expect(unexpectedProblems().filter((line) => !line.includes('503'))).toEqual([]);
  });

  it('keeps the last good data on screen, marked stale with the reason, while a feed is down', async () => {
    const { page, expectFailures } = await open('/', { prepare: fastFeeds });
    await waitForPanelsReady(page);
    const text = await page.locator('[data-panel="service-kpis"] .services-counts').textContent();
    expectFailures(/service-kpis/);
    await faults('POST', { feed: 'service-kpis', malformed: true });
    await page.waitForSelector('[data-panel="service-kpis"][data-status="stale"]', { timeout: 15_000 });
    const panel = page.locator('[data-panel="service-kpis"]');
    await expect(panel.textContent()).resolves.toContain('Dữ liệu cũ');
    await expect(panel.textContent()).resolves.toContain('không phải JSON hợp lệ');
    expect((await page.locator('[data-panel="service-kpis"] .services-counts').textContent())?.length).toBe(text?.length);

    await faults('DELETE');
    await page.waitForSelector('[data-panel="service-kpis"][data-status="ready"]', { timeout: 15_000 });
  });

  it('stops with a message naming the wrong key when config.json is bad', async () => {
    const { page, problems } = await open('/', { prepare: withConfig((config) => (config.feeds.weather = { url: 'x', refreshSeconds: 1, maxAgeSeconds: 1 })) });
    const message = page.locator('[data-config-error]');
    await message.waitFor();
    await expect(message.textContent()).resolves.toContain('"feeds.weather" is not a known setting');
    expect(problems.consoleErrors.join('\n')).toContain('feeds.weather');
  });
});
