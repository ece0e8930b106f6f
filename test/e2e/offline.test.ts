import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { panelStates, waitForPanelsReady } from '../support/browser';
import { REPO_ROOT } from '../support/server';
import { editConfig, type Config } from '../support/config-route';
import { useE2eSuite } from '../support/suite';
import { generateProvince } from '../../mocks/generator';
import { DEFAULT_SEED } from '../../mocks/handlers/defaults';
import { createAppServer } from '../../mocks/server/app';


interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/**
 * Every feed refreshed each 2 s, so the panels recover within the test once the network is back. On the
 * context, not the page: once the service worker controls the page, it is the worker that fetches
 * config.json, and only a context's routes see a worker's requests.
 */
async function quickRefresh(context: BrowserContext) {
  await editConfig(context, (config) => {
    config.request = { timeoutMs: 3000, retries: 0, retryBaseMs: 100, maxBytes: 5_000_000 };
    for (const feed of Object.values(config.feeds) as Config[]) feed.refreshSeconds = 2;
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, i) => bytes[i] !== byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const controlled = (page: Page) => page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000, polling: 100 });

describe('installable, and usable offline on the last data', () => {
  const suite = useE2eSuite({ env: { SAMPLE_DIPS: 'off' }, page: { width: 1024, height: 768, hasTouch: true } });

  it('serves a web app manifest that parses, in Vietnamese, whose icons all exist', async () => {
    const response = await fetch(suite.url('manifest.webmanifest'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/manifest+json');
    const manifest = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
    expect(manifest).toMatchObject({
      name: 'Bảng chỉ số IOC',
      short_name: 'IOC',
      lang: 'vi',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      display_override: ['fullscreen', 'standalone'],
      background_color: '#0b1320',
      theme_color: '#0b1320',
    });
    expect(manifest.categories).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(String(manifest.description)).toMatch(/Trung tâm Điều hành/);

    const wanted = ['192x192 any', '512x512 any', '512x512 maskable'];
    for (const want of wanted) expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`)).toContain(want);
    expect(manifest.icons.some((icon) => icon.type === 'image/svg+xml')).toBe(true);
    for (const icon of manifest.icons) {
      const answer = await fetch(suite.url(icon.src));
      expect(answer.status, icon.src).toBe(200);
      expect(answer.headers.get('content-type'), icon.src).toBe(icon.type);
      const bytes = new Uint8Array(await answer.arrayBuffer());
      if (icon.type === 'image/png') {
        const [width, height] = icon.sizes.split('x').map(Number);
        expect(pngSize(bytes), icon.src).toEqual({ width, height });
      } else {
        expect(new TextDecoder().decode(bytes), icon.src).toContain('<svg');
      }
    }

    // The page links it, with a theme colour and an icon for iOS; Chromium reads it without complaint.
    const page = await suite.open('/');
    const head = await page.page.evaluate(() => ({
      manifest: document.querySelector('link[rel="manifest"]')?.getAttribute('href'),
      theme: document.querySelector('meta[name="theme-color"]')?.getAttribute('content'),
      apple: document.querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href'),
    }));
    expect(head).toEqual({ manifest: '/manifest.webmanifest', theme: '#0b1320', apple: expect.stringMatching(/^\/icons\/.+\.png$/) });
    const apple = await fetch(suite.url(head.apple ?? ''));
    expect(apple.status).toBe(200);
    const cdp = await page.context.newCDPSession(page.page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[]; data?: string };
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toContain('Bảng chỉ số IOC');
  });

  it('serves sw.js revalidated on every load, with the build in its precache and nothing of the API or the config', async () => {
    const response = await fetch(suite.url('sw.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const script = await response.text();
    const build = /\{"version":"([0-9a-f]{16})","files":(\[[^\]]*\])\}/.exec(script);
    expect(build, 'the precache list in sw.js').not.toBeNull();
    const files = JSON.parse(build?.[2] ?? '[]') as string[];
    expect(files).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png']));
    expect(files.some((file) => /^\/assets\/index-[\w-]+\.js$/.test(file))).toBe(true);
    expect(files).not.toContain('/config.json');
    expect(files).not.toContain('/mockServiceWorker.js');
    expect(files.filter((file) => file.startsWith('/api') || file.startsWith('/__mock'))).toEqual([]);
    expect(script).not.toMatch(/importScripts|\beval\(|new Function/);
    for (const file of files) {
      const answer = await fetch(suite.url(file.slice(1)), { method: 'HEAD' });
      expect(answer.status, file).toBe(200);
    }
  });

  it('starts with no network from its service worker, shows the last good data marked as a cached copy, and recovers without a reload', async () => {
    const page = await suite.open('/', { prepare: (p) => quickRefresh(p.context()) });
    const { page: tab, context } = page;
    await waitForPanelsReady(tab);
    await controlled(tab);
    const shown = (await panelStates(tab)).filter((panel) => panel.visible).map((panel) => panel.id);
    expect(shown.length).toBeGreaterThan(0);
    // The worker keeps a copy of config.json from its install on: the page read it before the worker existed.
    await expect.poll(() => tab.evaluate(async () => (await caches.match('/config.json'))?.status ?? 0), { timeout: 10_000, interval: 200 }).toBe(200);

    // From here config.json can only come from the worker's copy (which has the quick refresh).
    await context.unroute('**/config.json');
    // The API fails while offline: the app must see those failures to say so.
    page.expectFailures(/\/api\/v1\//);
    await context.setOffline(true);
    const config = tab.waitForResponse((response) => new URL(response.url()).pathname === '/config.json');
    const reloaded = await tab.reload({ waitUntil: 'load' });
    // The page and its config came from the worker's caches: Chromium's offline page never showed.
    expect(reloaded?.fromServiceWorker(), 'the page from the service worker').toBe(true);
    expect(reloaded?.status()).toBe(200);
    expect((await config).fromServiceWorker(), 'config.json from the service worker').toBe(true);
    expect(await tab.evaluate(() => navigator.onLine)).toBe(false);
    expect(tab.url()).toBe(suite.server.url);
    expect(await tab.title()).toContain('IOC');
    await tab.waitForSelector('[data-offline-banner]', { timeout: 15_000 });
    await expect(tab.locator('[data-offline-banner]').textContent()).resolves.toContain('Thiết bị đang mất mạng');
    await waitForPanelsReady(tab, { accept: ['stale'], timeout: 20_000 });
    const offlineIds = (await panelStates(tab)).filter((panel) => panel.visible).map((panel) => panel.id);
    expect(offlineIds).toEqual(shown);
    for (const id of offlineIds) {
      const panel = tab.locator(`[data-panel="${id}"]`);
      await expect(panel.getAttribute('data-as-of'), `${id}: as-of`).resolves.toMatch(/^\d{4}-\d\d-\d\dT/);
      await expect(panel.locator('.badge--stale').textContent(), `${id}: badge`).resolves.toContain('Bản lưu trên máy');
    }
    expect(page.problems.expectedFailures.length).toBeGreaterThan(0);

    await context.setOffline(false);
    await waitForPanelsReady(tab, { timeout: 30_000 });
    await tab.waitForFunction(() => !document.querySelector('[data-offline-banner]'), null, { timeout: 10_000 });
    expect(await tab.locator('.badge--stale').count()).toBe(0);
    expect(page.unexpectedProblems()).toEqual([]);
  });

  it('replaces the cache when a new build is deployed, and the next change of view loads that build, once', async () => {
    // A copy of the build, served in this process, so the test can deploy a "new build" into it.
    const dist = mkdtempSync(join(tmpdir(), 'ioc-dist-'));
    cpSync(resolve(REPO_ROOT, 'dist'), dist, { recursive: true });
    const app = createAppServer({ distDir: dist, province: generateProvince({ seed: DEFAULT_SEED, dips: false }) });
    await new Promise<void>((done) => app.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
    try {
      const page = await suite.open(url);
      const tab = page.page;
      await waitForPanelsReady(tab);
      await controlled(tab);
      const cacheNames = () => tab.evaluate(async () => (await caches.keys()).sort());
      const [first] = (await cacheNames()).filter((name) => name.startsWith('ioc-shell-'));
      expect(first).toMatch(/^ioc-shell-[0-9a-f]{16}$/);

      // The new build: the same worker with another version, as if a file had changed.
      const sw = join(dist, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8').replace(/"version":"[0-9a-f]{16}"/, '"version":"0123456789abcdef"'));
      let loads = 0;
      tab.on('load', () => loads++);
      await tab.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())?.update()));
      await expect.poll(cacheNames, { timeout: 20_000, interval: 200 }).toEqual(['ioc-runtime-v1', 'ioc-shell-0123456789abcdef']);
      expect(loads).toBe(0);

      // The next change of view is a full page load, once: no reload loop.
      await tab.getByRole('link', { name: 'Tình trạng dữ liệu' }).click();
      await tab.waitForURL(/\/status$/);
      await tab.waitForSelector('tr[data-feed]', { timeout: 15_000 });
      await tab.waitForTimeout(1000);
      expect(loads).toBe(1);
      expect(await tab.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${url}sw.js`);
      expect(page.unexpectedProblems()).toEqual([]);
    } finally {
      const closed = new Promise((done) => app.close(done));
      app.closeAllConnections();
      await closed;
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('opens any view of the app offline, not only the one it was installed from', async () => {
    const page = await suite.open('/');
    await waitForPanelsReady(page.page);
    await controlled(page.page);
    page.expectFailures(/\/api\/v1\//);
    await page.context.setOffline(true);
    await page.page.goto(suite.url('/status'), { waitUntil: 'load' });
    expect(new URL(page.page.url()).pathname).toBe('/status');
    await page.page.waitForSelector('[data-offline-banner]', { timeout: 15_000 });
    await page.page.waitForSelector('tr[data-feed]', { timeout: 15_000 });
    expect(page.problems.pageErrors).toEqual([]);
    expect(page.problems.consoleErrors).toEqual([]);
  });
});
