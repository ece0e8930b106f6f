import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contrastRatio } from '../../../src/domain/colorScale';
import { chartPalette } from '../../../src/charts/palette';
import { GRAPHIC_CONTRAST, TEXT_CONTRAST } from './criteria';
import { themeTokens, token } from './themeTokens';

/**
 * WCAG contrast of the theme tokens, read from src/styles/theme.css (and print.css for paper), so the test
 * follows the CSS. The lists below are checked against every stylesheet in src: a rule that puts a new token on
 * text, or text on a new fill, fails the last test until it is added here (and so checked).
 */

/** Tokens used as text colours, on any of the backgrounds. */
const TEXT = ['--c-text', '--c-muted', '--c-primary', '--c-good', '--c-bad', '--c-warn', '--c-highlight', '--c-rise', '--c-fall'];
/** The page, panels and raised rows inside panels. */
const BACKGROUNDS = ['--c-bg', '--c-panel', '--c-panel-2'];
/** Text on a filled colour: badges, banners, the chosen year or index, pressed buttons. */
const ON_FILLS: [text: string, fill: string][] = [
  ['--c-on-warn', '--c-warn'],
  ['--c-bg', '--c-primary'],
  ['--c-bg', '--c-bad'],
  ['--c-bg', '--c-highlight'],
];

const variants = (['dark', 'light'] as const).flatMap((theme) => [
  { name: `${theme} theme`, theme, print: false },
  { name: `${theme} theme, printed`, theme, print: true },
]);

describe.each(variants)('$name', ({ theme, print }) => {
  const tokens = themeTokens(theme, print);
  const ratio = (fg: string, bg: string) => contrastRatio(token(tokens, fg), token(tokens, bg));

  it.each(TEXT.flatMap((fg) => BACKGROUNDS.map((bg) => [fg, bg])))('%s on %s has at least 4.5:1', (fg, bg) => {
    expect(ratio(fg!, bg!)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it.each(ON_FILLS)('%s on %s has at least 4.5:1', (fg, bg) => {
    expect(ratio(fg, bg)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it.each(BACKGROUNDS)('the focus ring on %s has at least 3:1', (bg) => {
    expect(ratio('--c-focus', bg)).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
  });
});

describe('chart palette', () => {
  it.each(['dark', 'light'] as const)('%s: keeps its text and state colours in step with theme.css, and its graphics at 3:1', (theme) => {
    const tokens = themeTokens(theme);
    const palette = chartPalette(theme);
    expect(palette.text).toBe(token(tokens, '--c-text'));
    expect(palette.muted).toBe(token(tokens, '--c-muted'));
    expect(palette.primary).toBe(token(tokens, '--c-primary'));
    expect(palette.good).toBe(token(tokens, '--c-good'));
    expect(palette.bad).toBe(token(tokens, '--c-bad'));
    const panel = token(tokens, '--c-panel');
    for (const c of [palette.text, palette.muted]) expect(contrastRatio(c, panel)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    for (const c of [palette.primary, palette.highlight, palette.good, palette.bad]) expect(contrastRatio(c, panel)).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
  });
});

/** Every style sheet in src: .css files and the <style> blocks of .vue files. */
function styleSheets(dir: string): { file: string; css: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return styleSheets(path);
    if (name.endsWith('.css')) return [{ file: path, css: readFileSync(path, 'utf8') }];
    if (!name.endsWith('.vue')) return [];
    const styles = [...readFileSync(path, 'utf8').matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    return styles.map((css) => ({ file: path, css }));
  });
}

/** [selector, text token, background token or null] for each rule that colours text with a --c- token. */
function textRules(css: string): [string, string, string | null][] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...text.matchAll(/([^{}]*)\{([^{}]*)\}/g)].flatMap((m) => {
    const body = m[2]!;
    const fg = /(?:^|[;\s])color\s*:\s*var\((--c-[\w-]+)\)/.exec(body)?.[1];
    if (!fg) return [];
    const bg = /(?:^|[;\s])background(?:-color)?\s*:\s*var\((--c-[\w-]+)\)/.exec(body)?.[1] ?? null;
    return [[m[1]!.trim(), fg, bg] as [string, string, string | null]];
  });
}

describe('stylesheets', () => {
  it('put on text only the tokens checked above, and only on the backgrounds and fills checked above', () => {
    const unchecked: string[] = [];
    let rules = 0;
    for (const { file, css } of styleSheets(resolve(process.cwd(), 'src'))) {
      for (const [selector, fg, bg] of textRules(css)) {
        rules++;
        const onFill = bg !== null && !BACKGROUNDS.includes(bg);
        const ok = onFill ? ON_FILLS.some(([f, b]) => f === fg && b === bg) : TEXT.includes(fg);
        if (!ok) unchecked.push(`${file.slice(process.cwd().length + 1)} ${selector}: ${fg}${bg ? ` on ${bg}` : ''}`);
      }
    }
    expect(unchecked).toEqual([]);
    expect(rules).toBeGreaterThan(50);
  });
});
