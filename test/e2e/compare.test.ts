import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { waitForPanelsReady } from '../support/browser';
import { useE2eSuite } from '../support/suite';

interface ApiUnit {
  code: string;
  name: string;
  level: string;
}
interface ApiRow {
  indicator: string;
  unit: string;
  value: number;
}
interface ApiIndicator {
  id: string;
  shortName: string;
}

/** What a person types without diacritics: the name folded here, independently of the app's own folding. */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

/** One CSV line split on commas outside quotes (RFC 4180), quotes removed. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** A vi-VN figure on screen as a number: "85,76 %" → 85.76. */
const viNumber = (text: string) => Number(text.replace(/[^\d,-]/g, '').replace(',', '.'));

describe('comparing units side by side', () => {
  const { open, url } = useE2eSuite();
  async function api<T>(path: string): Promise<T> {
    const response = await fetch(url(`api/v1/${path}`));
    return ((await response.json()) as { data: T }).data;
  }
  async function saved(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const path = await download.path();
    return { download, bytes: await readFile(path) };
  }
  const unitsOf = (page: Page) => (new URL(page.url()).searchParams.get('units') ?? '').split(',').filter(Boolean);

  it('finds three communes without diacritics, sorts the heat table, exports CSV and PNG, and reopens the same view', async () => {
    const { units } = await api<{ units: ApiUnit[] }>('units?level=commune');
    const { rows } = await api<{ rows: ApiRow[] }>('observations?period=2025&level=commune');
    const { indicators } = await api<{ indicators: ApiIndicator[] }>('indicators');
    // Three communes whose folded name no other commune's folded name starts with: the first match is theirs.
    const folded = units.map((u) => ({ ...u, query: fold(u.name) }));
    const unique = folded.filter((u) => u.query !== u.name.toLowerCase() && folded.filter((o) => o.query.startsWith(u.query)).length === 1);
    const chosen = [unique[0], unique[Math.floor(unique.length / 2)], unique.at(-1)].filter((u): u is (typeof folded)[number] => !!u);
    expect(new Set(chosen.map((u) => u.code)).size).toBe(3);

    const { page, unexpectedProblems } = await open('/compare');
    await waitForPanelsReady(page);
    const search = page.getByRole('combobox');
    for (const [i, unit] of chosen.entries()) {
      expect(unit.query).not.toBe(unit.name);
      await search.fill(unit.query);
      await expect(page.getByRole('option').first().textContent()).resolves.toContain(unit.name);
      await search.press('Enter');
      await page.waitForURL((u) => (u.searchParams.get('units') ?? '').split(',').length === i + 1);
    }
    expect(unitsOf(page)).toEqual(chosen.map((u) => u.code));
    await waitForPanelsReady(page);
    const panels = await page.$$eval('[data-panel]', (els) => els.map((e) => e.getAttribute('data-panel')));
    expect(panels).toEqual(['compare-table', 'compare-components', 'compare-radar', 'compare-trend', 'heat-table']);
    for (const unit of chosen) await expect(page.locator(`[data-panel="compare-table"] th[data-unit="${unit.code}"]`).textContent()).resolves.toContain(unit.name);

    // Adding a unit is a step in the history.
    await page.goBack();
    await page.waitForURL((u) => (u.searchParams.get('units') ?? '').split(',').length === 2);
    await page.goForward();
    await page.waitForURL((u) => (u.searchParams.get('units') ?? '').split(',').length === 3);
    await waitForPanelsReady(page);

    // Sort the heat table by SIPAS, ascending then descending.
    const heat = page.locator('[data-panel="heat-table"]');
    const column = heat.locator('th[data-column="sipas"]');
    const columnValues = () =>
      page.$$eval('[data-panel="heat-table"] table', ([table]) => {
        const heads = [...(table?.querySelectorAll('thead th') ?? [])];
        const k = heads.findIndex((th) => th.getAttribute('data-column') === 'sipas');
        return [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => tr.children[k]?.textContent?.trim() ?? '');
      });
    await column.getByRole('button').click();
    await page.waitForURL(/sort=sipas/);
    await expect(column.getAttribute('aria-sort')).resolves.toBe('ascending');
    const ascending = (await columnValues()).map(viNumber);
    expect(ascending.slice(0, 10)).toEqual([...ascending.slice(0, 10)].sort((a, b) => a - b));
    await column.getByRole('button').click();
    await page.waitForURL(/sort=-sipas/);
    await expect(column.getAttribute('aria-sort')).resolves.toBe('descending');
    const descending = (await columnValues()).map(viNumber);
    expect(descending.slice(0, 10)).toEqual([...descending.slice(0, 10)].sort((a, b) => b - a));
    expect(descending[0]).toBe(Math.max(...rows.filter((r) => r.indicator === 'sipas').map((r) => r.value)));

    // The comparison table as CSV: BOM, Vietnamese headers, the API's values as plain numbers.
    const table = await saved(page, () => page.locator('[data-panel="compare-table"]').getByRole('button', { name: /Tải CSV/ }).click());
    expect(table.download.suggestedFilename()).toMatch(/\.csv$/);
    expect([...table.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = table.bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header = [], ...body] = text.trimEnd().split('\r\n').map(csvCells);
    expect(header.slice(0, 2)).toEqual(['Đơn vị', 'Mã']);
    expect(header).toContain('PAR INDEX 2025');
    expect(body.map((r) => r[1])).toEqual(chosen.map((u) => u.code));
    let checked = 0;
    for (const ind of indicators) {
      const k = header.indexOf(`${ind.shortName} 2025`);
      if (k < 0) continue;
      for (const [i, unit] of chosen.entries()) {
        const expected = rows.find((r) => r.indicator === ind.id && r.unit === unit.code)?.value;
        expect(body[i]?.[k]).toBe(String(expected));
        expect(body[i]?.[k]).toMatch(/^\d+(\.\d+)?$/);
        checked++;
      }
    }
    expect(checked).toBe(12);

    // The heat table as CSV: same columns and order as on screen.
    const heatCsv = await saved(page, () => heat.getByRole('button', { name: /Tải CSV/ }).click());
    expect([...heatCsv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const heatLines = heatCsv.bytes.subarray(3).toString('utf8').trimEnd().split('\r\n').map(csvCells);
    expect(heatLines[0]).toEqual(['Đơn vị', 'Mã', 'PAR INDEX 2025', 'SIPAS 2025', 'PCI 2025', 'DTI 2025']);
    expect(heatLines.slice(1).map((r) => Number(r[3]))).toEqual(descending.map((v) => (Number.isNaN(v) ? 0 : v)));
    expect(heatLines.length - 1).toBe(units.length);

    // A chart as PNG at twice its size on screen.
    const radar = page.locator('[data-panel="compare-radar"] .base-chart');
    const cssWidth = await radar.evaluate((el) => el.clientWidth);
    const png = await saved(page, () => page.locator('[data-panel="compare-radar"]').getByRole('button', { name: /Tải PNG/ }).click());
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.bytes.readUInt32BE(16)).toBe(cssWidth * 2);

    // The URL holds the view: a fresh browser context shows the same units, year and sort.
    const url = page.url();
    const again = await open(url.slice(new URL(url).origin.length));
    await waitForPanelsReady(again.page);
    expect(unitsOf(again.page)).toEqual(chosen.map((u) => u.code));
    const chips = again.page.locator('ul[aria-label="Đơn vị đang so sánh"] li');
    expect(await chips.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-unit')))).toEqual(chosen.map((u) => u.code));
    for (const [i, unit] of chosen.entries()) await expect(chips.nth(i).textContent()).resolves.toContain(unit.name);
    await expect(again.page.locator('[data-panel="heat-table"] th[data-column="sipas"]').getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(again.page.locator('nav[aria-label="Các năm"] [aria-current="page"]').textContent()).resolves.toBe('2025');
    const reopened = (await again.page.$$eval('[data-panel="heat-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-unit'))));
    expect(reopened).toEqual(heatLines.slice(1).map((r) => r[1]));

    expect(unexpectedProblems()).toEqual([]);
    expect(again.unexpectedProblems()).toEqual([]);
  });

  it('says which codes are not of the level in force, links to their year, and never compares more than six', async () => {
    const { units } = await api<{ units: ApiUnit[] }>('units?level=commune');
    const seven = units.slice(0, 7).map((u) => u.code);
    const { page, unexpectedProblems } = await open(`/compare?units=992,${seven.join(',')}&period=2025`);
    await waitForPanelsReady(page);
    await expect(page.locator('[data-set-aside="992"]').textContent()).resolves.toContain('Cấp huyện');
    await expect(page.locator('[data-over-limit]').textContent()).resolves.toContain(units[6]?.name ?? '?');
    expect(await page.locator('[data-panel="compare-table"] thead th[data-unit]').count()).toBe(6);
    await expect(page.getByRole('button', { name: 'Đã đủ 6 đơn vị' }).isDisabled()).resolves.toBe(true);
    expect(await page.getByRole('button', { name: /^Thêm .* vào so sánh$/ }).first().isDisabled()).toBe(true);
    await page.locator('[data-set-aside="992"]').getByRole('link', { name: 'Xem năm 2024' }).click();
    await page.waitForURL(/period=2024/);
    await waitForPanelsReady(page);
    await expect(page.locator('[data-panel="compare-table"] thead th[data-unit="992"]').count()).resolves.toBe(1);
    expect(await page.locator('[data-set-aside]').count()).toBe(7);
    expect(unexpectedProblems()).toEqual([]);
  });
});
