import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { waitForPanelsReady } from '../support/browser';
import { editConfig, type Config } from '../support/config-route';
import { useE2eSuite } from '../support/suite';


/** Every feed asked for each second, one retry, a 3 s timeout: failures and recoveries in test time. */
async function fastFeeds(page: Page) {
  await editConfig(page.context(), (config) => {
    config.request = { timeoutMs: 3000, retries: 1, retryBaseMs: 100, maxBytes: 5_000_000 };
    for (const feed of Object.values(config.feeds) as Config[]) feed.refreshSeconds = 1;
  });
}

interface MatrixCase {
  name: string;
  fault: Record<string, unknown>;
  /** What the ranking panel (fed by observations) shows while the fault lasts. */
  expect: 'stale' | 'ready-with-rejected';
  /** Words the panel shows (Vietnamese, the default language). */
  text: string;
  /** Seconds to wait for the state (a timeout takes the client's timeout). */
  within?: number;
}

const MATRIX: MatrixCase[] = [
  { name: 'HTTP 500', fault: { status: 500 }, expect: 'stale', text: 'HTTP 500' },
  { name: 'HTTP 502', fault: { status: 502 }, expect: 'stale', text: 'HTTP 502' },
  { name: 'HTTP 503', fault: { status: 503 }, expect: 'stale', text: 'HTTP 503' },
  { name: 'HTTP 404', fault: { status: 404 }, expect: 'stale', text: 'Không tìm thấy nguồn dữ liệu' },
  { name: 'HTTP 401', fault: { status: 401 }, expect: 'stale', text: 'Không có quyền truy cập (HTTP 401)' },
  { name: 'timeout', fault: { timeout: true }, expect: 'stale', text: 'API không trả lời kịp', within: 12 },
  { name: 'malformed JSON', fault: { malformed: true }, expect: 'stale', text: 'không phải JSON hợp lệ' },
  { name: 'HTML instead of JSON', fault: { html: true }, expect: 'stale', text: 'trang web thay vì dữ liệu' },
  { name: 'drift: a missing field', fault: { drift: 'missing-field' }, expect: 'ready-with-rejected', text: 'Đã loại 1 dòng sai' },
  { name: 'drift: a string for a number', fault: { drift: 'wrong-type' }, expect: 'ready-with-rejected', text: 'Đã loại 1 dòng sai' },
  { name: 'drift: an unknown indicator', fault: { drift: 'unknown-indicator' }, expect: 'ready-with-rejected', text: 'Đã loại 1 dòng sai' },
  { name: 'drift: a unit not in the unit table', fault: { drift: 'unknown-unit' }, expect: 'ready-with-rejected', text: 'Đã loại 1 dòng sai' },
  { name: 'out of range: negative', fault: { outOfRange: 'negative' }, expect: 'ready-with-rejected', text: 'dòng sai' },
  { name: 'out of range: above the maximum', fault: { outOfRange: 'above-max' }, expect: 'ready-with-rejected', text: 'dòng sai' },
  { name: 'NaN', fault: { nonFinite: 'nan' }, expect: 'stale', text: 'không phải JSON hợp lệ' },
  { name: 'Infinity', fault: { nonFinite: 'infinity' }, expect: 'stale', text: 'không phải JSON hợp lệ' },
  { name: 'null', fault: { nonFinite: 'null' }, expect: 'ready-with-rejected', text: 'Đã loại 1 dòng sai' },
  { name: 'an empty list', fault: { empty: true }, expect: 'stale', text: 'Nguồn dữ liệu trả về rỗng' },
  { name: 'duplicate rows', fault: { duplicates: true }, expect: 'ready-with-rejected', text: 'dòng sai' },
  { name: 'another period than asked', fault: { otherPeriod: true }, expect: 'stale', text: 'Mọi dòng dữ liệu đều sai' },
  { name: 'a 10 MB body', fault: { hugeBody: true }, expect: 'stale', text: 'quá lớn' },
  { name: 'a body that trickles in', fault: { trickle: 30_000 }, expect: 'stale', text: 'API không trả lời kịp', within: 12 },
];

const results: { fault: string; shown: string; recovered: boolean }[] = [];

describe('feeds that fail, lie or attack', () => {
  const suite = useE2eSuite({
    env: { SAMPLE_DIPS: 'off' },
    page: { prepare: fastFeeds },
    healFaults: true,
    afterAll: () => {
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/fault-matrix.json', JSON.stringify(results, null, 2));
    },
  });
  const { open, url, faults } = suite;
  /** The sample server's count of requests per feed: cleared with DELETE, read with GET. */
  async function requests(method: 'GET' | 'DELETE') {
    const response = await fetch(url('__mock/requests'), { method });
    expect(response.status, `${method} __mock/requests`).toBeLessThan(300);
    return response.status === 204 ? null : ((await response.json()) as Record<string, unknown>);
  }
  const panelStatus = (page: Page, id: string) => page.getAttribute(`[data-panel="${id}"]`, 'data-status');

  it('keeps every screen alive through the whole fault matrix, says why, and recovers when the feed heals', async () => {
    const { page } = await open('/', { expectedFailures: [/observations/] });
    await waitForPanelsReady(page);
    const ranking = page.locator('[data-panel="ranking"]');
    const bars = await ranking.locator('canvas').count();
    for (const c of MATRIX) {
      await faults('POST', { feed: 'observations', ...c.fault });
      const wanted = c.expect === 'stale' ? 'stale' : 'ready';
      await page.waitForFunction(
        ([status, text]) => {
          const panel = document.querySelector('[data-panel="ranking"]');
          return !!panel && panel.getAttribute('data-status') === status && (panel.textContent ?? '').includes(text as string);
        },
        [wanted, c.text],
        { timeout: (c.within ?? 8) * 1000, polling: 100 },
      ).catch(async (error: unknown) => {
        throw new Error(`${c.name}: ranking is ${await panelStatus(page, 'ranking')}: ${(await ranking.textContent())?.slice(0, 300)}`, { cause: error });
      });
      // Never blank: the last good chart stays on screen.
      expect(await ranking.locator('canvas').count(), c.name).toBe(bars);
      const shown = `${wanted}: ${c.text}`;
      await faults('DELETE');
      const recovered = await page
        .waitForFunction(() => {
          const panel = document.querySelector('[data-panel="ranking"]');
          return panel?.getAttribute('data-status') === 'ready' && !panel.querySelector('.panel-foot');
        }, null, { timeout: 15_000, polling: 100 })
        .then(() => true, () => false);
      results.push({ fault: c.name, shown, recovered });
      expect(recovered, `${c.name}: recovered`).toBe(true);
    }
  }, 180_000);

  it('shows a clear error where there never was data, and the details on /status', async () => {
    for (const fault of [{ status: 503 }, { html: true }, { otherPeriod: true }]) {
      await faults('POST', { feed: 'observations', ...fault });
      const { page, close } = await open('/', { expectedFailures: [/observations/] });
      await page.waitForSelector('[data-panel="ranking"][data-status="error"]', { timeout: 10_000 }).catch(async (error: unknown) => {
        throw new Error(`${JSON.stringify(fault)}: ranking is ${await panelStatus(page, 'ranking')}: ${await page.locator('[data-panel="ranking"]').textContent()}`, { cause: error });
      });
      await expect(page.locator('[data-panel="ranking"] [role="alert"]').textContent()).resolves.toMatch(/Không có dữ liệu: .+/);
      await page.getByRole('link', { name: 'Tình trạng dữ liệu' }).click();
      await page.waitForSelector('tr[data-feed="observations"][data-status="error"]', { timeout: 10_000 });
      await close();
    }
    await faults('POST', { feed: 'observations', drift: 'wrong-type' });
    const { page } = await open('/status', { expectedFailures: [/observations/] });
    await page.goto(url('/'));
    await waitForPanelsReady(page);
    await page.getByRole('link', { name: 'Tình trạng dữ liệu' }).click();
    const row = page.locator('tr[data-feed="observations"]').filter({ hasText: 'l=commune' });
    await row.locator('summary').click();
    await expect(row.textContent()).resolves.toMatch(/#0: .*value/);
  });

  it('shows the last good data after a reload while the feed is down, marked as a cached copy', async () => {
    const { page } = await open('/', { expectedFailures: [/observations/] });
    await waitForPanelsReady(page);
    const before = await page.locator('[data-panel="headline-par"] .headline-number').textContent();
    await faults('POST', { feed: 'observations', status: 503 });
    await page.reload();
    await page.waitForSelector('[data-panel="ranking"][data-status="stale"]', { timeout: 10_000 });
    await expect(page.locator('[data-panel="ranking"] .badge--stale').textContent()).resolves.toContain('Bản lưu trên máy');
    await expect(page.locator('[data-panel="headline-par"] .headline-number').textContent()).resolves.toBe(before);
    await faults('DELETE');
    await page.waitForSelector('[data-panel="ranking"][data-status="ready"]', { timeout: 10_000 });
    expect(await page.locator('[data-panel="ranking"] .badge--stale').count()).toBe(0);
  });

  it('costs a dead feed no more than twice its normal request rate', async () => {
    const { page } = await open('/', { expectedFailures: [/observations/] });
    await waitForPanelsReady(page);
    const countFor = async (seconds: number) => {
      await requests('DELETE');
      await page.waitForTimeout(seconds * 1000);
      const counts = ((await requests('GET')) as { counts: Record<string, number> }).counts;
      return counts.observations ?? 0;
    };
    const healthy = await countFor(8);
    await faults('POST', { feed: 'observations', status: 503 });
    const dead = await countFor(8);
    results.push({ fault: `request budget: healthy ${healthy} / dead ${dead} observations requests in 8 s`, shown: '', recovered: true });
    expect(healthy).toBeGreaterThan(0);
    expect(dead).toBeLessThanOrEqual(2 * healthy);
  });

  it('shows the offline banner when the server is gone, and recovers by itself when it comes back', async () => {
    const { page, expectFailures } = await open('/');
    await waitForPanelsReady(page);
    expectFailures(/.*/);
    await suite.server.stop();
    await page.waitForSelector('[data-offline-banner]', { timeout: 10_000 });
    await page.waitForSelector('[data-panel="ranking"][data-status="stale"]', { timeout: 10_000 });
    await expect(page.locator('[data-panel="ranking"]').textContent()).resolves.toContain('Không kết nối được API');
    await suite.restartServer();
    await waitForPanelsReady(page, { timeout: 15_000 });
    await page.waitForFunction(() => !document.querySelector('[data-offline-banner]'), null, { timeout: 10_000 });
    results.push({ fault: 'connection refused (server stopped)', shown: 'stale: Không kết nối được API + offline banner', recovered: true });
  });

  it('renders every string from every feed as text: no script from a feed ever runs', async () => {
    await faults('POST', { feed: '*', xss: true });
    const sentinel = async (p: Page) => p.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0);
    const { page, problems } = await open('/', { prepare: async (p) => void (await p.addInitScript(() => window.addEventListener('securitypolicyviolation', () => ((window as unknown as { __csp?: number }).__csp = 1)))) });
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await waitForPanelsReady(page, { timeout: 20_000 });
    await expect(page.locator('body').textContent()).resolves.toContain('<img src=x');
    for (const path of ['/wall?rotate=0&scene=headline', '/wall?rotate=0&scene=par', '/wall?rotate=0&scene=papi', '/wall?rotate=0&scene=services', '/status']) {
      await page.goto(url(path));
      await waitForPanelsReady(page, { timeout: 20_000 });
    }
    await faults('POST', { feed: 'service-kpis', xss: true, status: 503 });
    await page.goto(url('/wall?rotate=0&scene=services'));
    await page.waitForSelector('[data-offline-banner]', { timeout: 10_000 });
    expect(await sentinel(page)).toBe(0);
    expect(dialogs).toBe(0);
    expect(await page.locator('body img, body iframe, body svg[onload]').count()).toBe(0);
    expect(problems.pageErrors).toEqual([]);
  });

  it('works fully under its Content-Security-Policy, which forbids inline scripts and eval', async () => {
    const response = await fetch(suite.server.url);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await response.text();
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    const { page, problems } = await open('/wall?rotate=0&scene=par', {
      prepare: async (p) => void (await p.addInitScript(() => window.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`)))),
    });
    await waitForPanelsReady(page);
    await page.goto(url('/'));
    await waitForPanelsReady(page);
    expect(problems.consoleErrors.filter((l) => /Content Security Policy|CSP violation/i.test(l))).toEqual([]);
  });
});

describe('a feed API that needs a token', () => {
  const { open } = useE2eSuite({ env: { AUTH_TOKEN: 's3cret' } });

  const withAuth = (value: string | null) => async (page: Page) => {
    await editConfig(page.context(), (config) => {
      config.auth = value === null ? null : { header: 'Authorization', value };
    });
  };

  it('works with the token from config.json', async () => {
    const opened = await open('/', { prepare: withAuth('Bearer s3cret') });
    await waitForPanelsReady(opened.page);
    expect(opened.unexpectedProblems()).toEqual([]);
    await opened.close();
  });

  it('shows a clear access state on the wall without one, and never redirects or reloads', async () => {
    const opened = await open('/wall?rotate=0', { prepare: withAuth(null), expectedFailures: [/api\/v1/] });
    // A redirect or a reload would load a document again.
    let loads = 0;
    opened.page.on('load', () => loads++);
    await opened.page.waitForSelector('[data-auth-banner]', { timeout: 10_000 });
    await expect(opened.page.locator('[data-auth-banner]').textContent()).resolves.toContain('HTTP 401');
    await opened.page.waitForTimeout(3000);
    expect(loads).toBe(0);
    expect(new URL(opened.page.url()).pathname).toBe('/wall');
    await opened.close();
  });
});
