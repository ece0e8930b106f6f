import { describe, expect, it } from 'vitest';
import { VISIONS, closestPair, colourDifference } from '../../../src/domain/colourVision';
import { contrastRatio, PANEL_BACKGROUND } from '../../../src/domain/colorScale';
import { compareColours, compareStyle } from '../../../src/domain/compareColours';
import { CATEGORY_DELTA_E, GRAPHIC_CONTRAST } from './criteria';
import { themeTokens, token } from './themeTokens';

const themes = ['dark', 'light'] as const;
const cases = themes.flatMap((theme) => VISIONS.map((vision) => [theme, vision] as const));

describe.each(cases)('%s theme, %s vision', (theme, vision) => {
  it(`keeps every two compared units' colours at least ΔE00 ${CATEGORY_DELTA_E} apart`, () => {
    const colours = compareColours(theme);
    expect(colours.length).toBe(6);
    const closest = closestPair(colours, vision);
    expect(closest.deltaE, `${colours[closest.i]} and ${colours[closest.j]}`).toBeGreaterThanOrEqual(CATEGORY_DELTA_E);
  });

  it(`keeps good, warn and bad at least ΔE00 ${CATEGORY_DELTA_E} apart`, () => {
    for (const print of [false, true]) {
      const tokens = themeTokens(theme, print);
      const [good, warn, bad] = ['--c-good', '--c-warn', '--c-bad'].map((name) => token(tokens, name)) as [string, string, string];
      expect(colourDifference(good, warn, vision), `good ${good} / warn ${warn}${print ? ' (print)' : ''}`).toBeGreaterThanOrEqual(CATEGORY_DELTA_E);
      expect(colourDifference(good, bad, vision), `good ${good} / bad ${bad}${print ? ' (print)' : ''}`).toBeGreaterThanOrEqual(CATEGORY_DELTA_E);
      expect(colourDifference(warn, bad, vision), `warn ${warn} / bad ${bad}${print ? ' (print)' : ''}`).toBeGreaterThanOrEqual(CATEGORY_DELTA_E);
    }
  });
});

describe('compared units', () => {
  it.each(themes)('%s: each colour has at least 3:1 contrast with the panel', (theme) => {
    for (const c of compareColours(theme)) expect(contrastRatio(c, PANEL_BACKGROUND[theme])).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
  });

  it.each(themes)('%s: each unit also has its own marker and glyph, so colour is never the only key', (theme) => {
    const styles = [0, 1, 2, 3, 4, 5].map((i) => compareStyle(i, theme));
    expect(new Set(styles.map((s) => s.symbol)).size).toBe(6);
    expect(new Set(styles.map((s) => s.glyph)).size).toBe(6);
    expect(new Set(styles.map((s) => s.colour)).size).toBe(6);
  });
});
