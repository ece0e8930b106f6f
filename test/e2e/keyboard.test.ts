import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForPanelsReady } from '../support/browser';
import { useE2eSuite } from '../support/suite';

/**
 * Tabs forward until the focused element matches `selector` (at most `max` presses), then returns how its
 * focus is drawn: a reader on a keyboard has to see where they are.
 */
async function tabTo(page: Page, selector: string, max = 120): Promise<{ outline: string; width: number }> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    if (found) {
      return page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return { outline: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
      });
    }
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`no ${selector} within ${max} tabs; focus is on ${at}`);
}

/** A visible focus ring: the app's 3 px outline. */
const RING = { outline: 'solid', width: 3 };

describe('the keyboard alone', () => {
  const suite = useE2eSuite({ env: { SAMPLE_DIPS: 'off' } });

  async function open(path: string): Promise<Page> {
    const page = await suite.open(path);
    await waitForPanelsReady(page.page, { timeout: 20_000 });
    return page.page;
  }

  it('drills from the province to an index and a commune, and back up by the breadcrumbs', async () => {
    const page = await open('/');
    expect(await tabTo(page, 'a[href^="/index/pci"]')).toEqual(RING);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/index\/pci/);
    await waitForPanelsReady(page);
    const first = await page.getAttribute('[data-panel="index-ranking"] li[data-unit]', 'data-unit');
    expect(await tabTo(page, `[data-panel="index-ranking"] a[href^="/unit/${first}?"]`)).toEqual(RING);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/unit/${first}\\?`));
    await waitForPanelsReady(page);
    expect(await tabTo(page, 'nav a[href^="/index/pci"]')).toEqual(RING);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/index\/pci/);
    await waitForPanelsReady(page);
  });

  it('pauses, steps and resumes the wall from its buttons, with a visible focus', async () => {
    const page = await open('/wall?rotate=30&scene=headline');
    expect(await tabTo(page, 'button[aria-pressed]')).toEqual(RING);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.wall[data-paused]');
    expect(await tabTo(page, 'button[aria-pressed] + button')).toEqual(RING);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.wall[data-scene="index:par"]');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('.wall')?.hasAttribute('data-paused'));
  });

  it('builds a comparison of three communes and removes one', async () => {
    const page = await open('/compare?period=2025');
    expect(await tabTo(page, 'input[role="combobox"]')).toEqual(RING);
    for (const words of ['quang bac', 'buon glong', 'lac tin']) {
      await page.keyboard.type(words);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    }
    const chips = page.locator('.picker-chip');
    await expect(chips.count()).resolves.toBe(3);
    await waitForPanelsReady(page);
    expect(await tabTo(page, '.picker-chip:nth-child(2) .picker-remove')).toEqual(RING);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.picker-chip').length === 2);
    expect(new URL(page.url()).searchParams.get('units')?.split(',')).toHaveLength(2);
  });
});
