import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vi from '../../../src/i18n/vi';
import en from '../../../src/i18n/en';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|vue)$/.test(name) && !path.includes(`${join('src', 'i18n')}`) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('messages in Vietnamese and English', () => {
  const viKeys = keys(vi).sort();
  const enKeys = keys(en).sort();

  it('have the same keys in both languages', () => {
    expect(enKeys.filter((k) => !viKeys.includes(k))).toEqual([]);
    expect(viKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('have no empty message', () => {
    const empty = [...keys(vi).map((k) => ['vi', k]), ...keys(en).map((k) => ['en', k])].filter(([lang, k]) => {
      const value = k!.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], lang === 'vi' ? vi : en);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it('are all used by the app, and the app uses no key that is missing', () => {
    const code = sources(resolve(process.cwd(), 'src')).join('\n');
    // Keys built at run time: `feedError.${kind}`, `services.band.${band}`, `status.states.${status}`.
    const dynamic = ['feedError.', 'services.band.', 'status.states.'];
    const unused = viKeys.filter((k) => !dynamic.some((d) => k.startsWith(d)) && !code.includes(`'${k}'`));
    expect(unused).toEqual([]);
    const used = [...code.matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z-]+)+)'/g)].map((m) => m[1]!);
    expect(used.filter((k) => !viKeys.includes(k))).toEqual([]);
  });
});
