import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type ThemeName = 'dark' | 'light';
export type Tokens = Record<string, string>;

/** The innermost `selector { declarations }` blocks of a stylesheet, comments removed. */
function blocks(css: string): { selector: string; body: string }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...text.matchAll(/([^{}]*)\{([^{}]*)\}/g)].map((m) => ({ selector: m[1]!.trim(), body: m[2]! }));
}

function customProperties(body: string): Tokens {
  return Object.fromEntries([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim().toLowerCase()]));
}

const read = (file: string) => readFileSync(resolve(process.cwd(), file), 'utf8');

/**
 * The colour tokens of one theme as styles/theme.css defines them: the dark theme is `:root, [data-theme='dark']`,
 * the light one `[data-theme='light']`. With `print`, the overrides of styles/print.css are laid on top, as a
 * printed page of that theme gets them.
 */
export function themeTokens(theme: ThemeName, print = false): Tokens {
  const tokens: Tokens = {};
  for (const b of blocks(read('src/styles/theme.css'))) {
    if (b.selector.includes(`[data-theme='${theme}']`)) Object.assign(tokens, customProperties(b.body));
  }
  if (print) {
    for (const b of blocks(read('src/styles/print.css'))) {
      if (/\[data-theme\]/.test(b.selector)) Object.assign(tokens, customProperties(b.body));
    }
  }
  for (const name of Object.keys(tokens)) if (!name.startsWith('--c-')) delete tokens[name];
  return tokens;
}

/** A token's #rrggbb value; fails loudly when the token is missing or not a plain hex colour. */
export function token(tokens: Tokens, name: string): string {
  const value = tokens[name];
  if (!value || !/^#[0-9a-f]{6}$/.test(value)) throw new Error(`${name} is not a #rrggbb colour: ${value}`);
  return value;
}
