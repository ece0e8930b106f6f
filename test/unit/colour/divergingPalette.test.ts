import { describe, expect, it } from 'vitest';
import { VISIONS, colourDifference, lightness, toLab } from '../../../src/domain/colourVision';
import { contrastRatio, divergingColor, divergingStops } from '../../../src/domain/colorScale';
import { CATEGORY_DELTA_E, STEP_DELTA_E, TEXT_CONTRAST } from './criteria';
import { themeTokens, token } from './themeTokens';

/** For signed values: orange below zero, grey at zero, blue above (src/domain/colorScale.ts). */
const themes = ['dark', 'light'] as const;
const cases = themes.flatMap((theme) => VISIONS.map((vision) => [theme, vision] as const));
/** |t| from 0 to 1 in 40 steps. */
const sizes = Array.from({ length: 41 }, (_, i) => i / 40);

describe('diverging palette', () => {
  it.each(themes)('%s: has an odd number of stops, a neutral grey in the middle, and clamps', (theme) => {
    const stops = divergingStops(theme);
    expect(stops.length).toBe(7);
    const mid = stops[3]!;
    const { a, b } = toLab(mid);
    expect(Math.hypot(a, b)).toBeLessThan(2);
    expect(divergingColor(0, theme)).toBe(mid);
    expect(divergingColor(Number.NaN, theme)).toBe(mid);
    expect(divergingColor(-1, theme)).toBe(stops[0]);
    expect(divergingColor(1, theme)).toBe(stops[6]);
    expect(divergingColor(-5, theme)).toBe(stops[0]);
    expect(divergingColor(5, theme)).toBe(stops[6]);
    stops.forEach((stop, i) => expect(divergingColor(i / 3 - 1, theme)).toBe(stop));
  });

  it.each(themes)('%s: gives both arms the same lightness at the same size, so neither sign looks heavier', (theme) => {
    for (const t of sizes) expect(Math.abs(lightness(divergingColor(t, theme)) - lightness(divergingColor(-t, theme)))).toBeLessThan(1.5);
  });

  it.each(themes)('%s: ends are text colours, equal to --c-fall and --c-rise, at least 4.5:1 on every background', (theme) => {
    const tokens = themeTokens(theme);
    const stops = divergingStops(theme);
    expect(token(tokens, '--c-fall')).toBe(stops[0]);
    expect(token(tokens, '--c-rise')).toBe(stops[6]);
    for (const bg of ['--c-bg', '--c-panel', '--c-panel-2']) {
      expect(contrastRatio(stops[0]!, token(tokens, bg))).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      expect(contrastRatio(stops[6]!, token(tokens, bg))).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });
});

describe.each(cases)('diverging palette, %s theme, %s vision', (theme, vision) => {
  it('moves each arm strictly away from the background in lightness as the value grows', () => {
    for (const sign of [-1, 1]) {
      const L = sizes.map((t) => lightness(divergingColor(sign * t, theme), vision));
      for (let i = 1; i < L.length; i++) {
        if (theme === 'dark') expect(L[i]!).toBeGreaterThan(L[i - 1]!);
        else expect(L[i]!).toBeLessThan(L[i - 1]!);
      }
    }
  });

  it(`keeps adjacent stops at least ΔE00 ${STEP_DELTA_E} apart`, () => {
    const stops = divergingStops(theme);
    for (let i = 1; i < stops.length; i++) expect(colourDifference(stops[i - 1]!, stops[i]!, vision)).toBeGreaterThanOrEqual(STEP_DELTA_E);
  });

  it(`keeps the two arms at least ΔE00 ${CATEGORY_DELTA_E} apart from the first step out`, () => {
    for (const t of sizes.filter((x) => x >= 1 / 3)) {
      expect(colourDifference(divergingColor(-t, theme), divergingColor(t, theme), vision)).toBeGreaterThanOrEqual(CATEGORY_DELTA_E);
    }
  });
});
