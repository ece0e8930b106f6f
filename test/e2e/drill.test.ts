import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settledUnitPoint, waitForPanelsReady } from '../support/browser';
import { editConfig, type Config } from '../support/config-route';
import { useE2eSuite } from '../support/suite';


describe('drilling down from the province to its units', () => {
  const { open, url } = useE2eSuite();
  const path = (page: Page) => {
    const url = new URL(page.url());
    return url.pathname + url.search;
  };

  it('goes province → index → unit by clicks, and back returns each view exactly', async () => {
    const { page, unexpectedProblems } = await open('/');
    await waitForPanelsReady(page);
    await page.locator('[data-panel="headline-par"] a').first().click();
    await page.waitForURL(/\/index\/par/);
    await waitForPanelsReady(page);
    const indexUrl = path(page);
    const first = page.locator('[data-panel="index-ranking"] li').first();
    const unitName = (await first.locator('a').textContent())?.trim() ?? '';
    await first.locator('a').click();
    await page.waitForURL(/\/unit\//);
    await waitForPanelsReady(page);
    await expect(page.locator('h1').textContent()).resolves.toBe(unitName);
    await expect(page.locator('nav[aria-label="Vị trí"]').textContent()).resolves.toMatch(/Cả nước.*Tỉnh Sông Mẫu.*PAR INDEX 2025.*/);
    await page.goBack();
    await page.waitForURL((u) => u.pathname + u.search === indexUrl);
    await waitForPanelsReady(page);
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/');
    await waitForPanelsReady(page);
    await page.goForward();
    await page.waitForURL((u) => u.pathname + u.search === indexUrl);
    expect(unexpectedProblems()).toEqual([]);
  });

  it('does the same by tapping on a 1024×768 touch tablet, through the map', async () => {
    const { page, unexpectedProblems } = await open('/', { width: 1024, height: 768, hasTouch: true });
    await waitForPanelsReady(page);
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    await page.locator('[data-panel="headline-pci"] a').first().tap();
    await page.waitForURL(/\/index\/pci/);
    await waitForPanelsReady(page);
    await page.locator('[data-panel="index-map"]').scrollIntoViewIfNeeded();
    const point = await settledUnitPoint(page, '99003');
    await page.touchscreen.tap(point.x, point.y);
    await page.waitForSelector('[data-info-card]');
    expect(path(page)).toContain('unit=99003');
    await page.locator('[data-info-card] a').tap();
    await page.waitForURL(/\/unit\/99003/);
    await waitForPanelsReady(page);
    await page.goBack();
    await page.waitForSelector('[data-info-card]');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('moves to the next index with a swipe on a touch screen', async () => {
    const { page } = await open('/index/par?period=2025', { width: 768, height: 1024, hasTouch: true });
    await waitForPanelsReady(page);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y: 500 }] });
    await touch('touchStart', 600);
    for (const x of [520, 420, 320, 220]) await touch('touchMove', x);
    await touch('touchEnd', 220);
    await page.waitForURL(/\/index\/sipas\?period=2025/);
    await waitForPanelsReady(page);
  });

  it('shows districts for a year before the reform and communes after it', async () => {
    const { page } = await open('/index/par?period=2024');
    await waitForPanelsReady(page);
    await expect(page.locator('[data-panel="index-ranking"] h2').textContent()).resolves.toContain('Cấp huyện');
    const districts = await page.locator('[data-panel="index-ranking"] li').count();
    await page.getByRole('link', { name: '2025', exact: true }).click();
    await page.waitForURL(/period=2025/);
    await waitForPanelsReady(page);
    await expect(page.locator('[data-panel="index-ranking"] h2').textContent()).resolves.toContain('Cấp xã');
    const communes = await page.locator('[data-panel="index-ranking"] li').count();
    expect(districts).toBe(9);
    expect(communes).toBe(80);
  });

  it('marks a commune\'s years before the reform as re-mapped through the crosswalk', async () => {
    const { page } = await open('/unit/99003?indicator=par');
    await waitForPanelsReady(page);
    await expect(page.locator('[data-panel="unit-ranks"]').textContent()).resolves.toContain('quy đổi');
    await expect(page.locator('.unit-links').textContent()).resolves.toContain('Trước 1/7/2025');
  });

  it('draws a commune\'s history once and whole: the trend waits for its predecessors\' years', async () => {
    // The predecessors' rows are held back until the test has seen the commune's own (no fixed delay, which a busy
    // machine can outlast).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const prepare = async (p: Page) => {
      await p.context().route('**/api/v1/observations?**', async (route) => {
        const units = new URL(route.request().url()).searchParams.get('unit') ?? '';
        if (units && !units.split(',').includes('99003')) await held;
        await route.fallback();
      });
    };
    const { page } = await open('/unit/99003?indicator=par', { prepare });
    await page.waitForSelector('[data-panel="unit-indices"][data-status="ready"]');
    // While the earlier years are on their way, the history says it is loading rather than showing half of it.
    await expect(page.locator('[data-panel="unit-ranks"]').getAttribute('data-status')).resolves.toBe('loading');
    release();
    await page.waitForSelector('[data-panel="unit-ranks"][data-status="ready"]');
    await expect(page.locator('[data-panel="unit-ranks"]').textContent()).resolves.toContain('quy đổi');
    await expect(page.locator('[data-panel="unit-trend"]').getAttribute('data-status')).resolves.toBe('ready');
  });

  it('draws a GeoJSON from config with another code property and a MultiPolygon, and drills from it', async () => {
    // The province's own outlines as a land office exports them: a plain FeatureCollection (no asOf), the code
    // under another property name and held as a number, every unit as a MultiPolygon.
    const prepare = async (p: Page) => {
      await editConfig(p.context(), (config) => {
        config.geo = { url: '/custom/{level}.geojson', codeProperty: 'ma_don_vi' };
      });
      await p.context().route('**/custom/*.geojson', async (route) => {
        const level = new URL(route.request().url()).pathname.split('/').pop()?.replace('.geojson', '') ?? '';
        const response = await fetch(url(`api/v1/boundaries?level=${level}`));
        const body = (await response.json()) as Config;
        body.features = body.features.map((f: Config) => ({
          ...f,
          properties: { ma_don_vi: Number(f.properties.code), ten: f.properties.name },
          geometry: f.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] } : f.geometry,
        }));
        // One outline that names no unit, to be listed on /status.
        body.features.push({ ...body.features[0], properties: { ma_don_vi: 'X-9999' } });
        await route.fulfill({ json: { type: 'FeatureCollection', features: body.features }, headers: { 'content-type': 'application/geo+json' } });
      });
    };
    const { page } = await open('/index/dti', { prepare });
    await waitForPanelsReady(page);
    const point = await settledUnitPoint(page, '99006');
    await page.mouse.click(point.x, point.y);
    await page.waitForSelector('[data-info-card]');
    await page.locator('[data-info-card] a').click();
    await page.waitForURL(/\/unit\/99006/);
    await page.getByRole('link', { name: 'Tình trạng dữ liệu' }).click();
    await expect(page.locator('#map-coverage, [data-panel="map-coverage"]').textContent()).resolves.toContain('X-9999');
  });
});
