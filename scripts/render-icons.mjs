// Renders the app icons' PNGs from their SVGs in public/icons/ with the system Chromium (playwright-core,
// no browser download). Run after changing an SVG: `node scripts/render-icons.mjs`, then commit the PNGs.
// CHROME_PATH picks another Chromium or Chrome.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ICONS = resolve(dirname(fileURLToPath(import.meta.url)), '../public/icons');

/** [source SVG, PNG to write, size in px] */
const TARGETS = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['maskable.svg', 'maskable-512.png', 512],
  // iOS ignores the manifest's icons and rounds the corners itself: a full-bleed square.
  ['maskable.svg', 'apple-touch-icon.png', 180],
];

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox'] });
try {
  for (const [source, target, size] of TARGETS) {
    const svg = await readFile(resolve(ICONS, source), 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${src}" width="${size}" height="${size}">`);
    await page.waitForFunction(() => document.images[0]?.complete);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await writeFile(resolve(ICONS, target), png);
    await page.close();
    console.log(`${target}: ${size}×${size}, ${png.byteLength} bytes`);
  }
} finally {
  await browser.close();
}
