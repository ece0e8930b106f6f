import { describe, expect, it } from 'vitest';
import { VISIONS, colourDifference, lightness } from '../../../src/domain/colourVision';
import { noDataColor, rampStops, sequentialColor } from '../../../src/domain/colorScale';
import { CATEGORY_DELTA_E, STEP_DELTA_E } from './criteria';

/**
 * The map, the tile grid and the heat table colour values with one continuous ramp per theme: the visualMap gets
 * rampStops() as inRange.color (test/unit/map/unitMap.test.ts), the tiles and cells sequentialColor(), which
 * interpolates between the same stops. So the "steps" a reader compares are the stops themselves, and any two
 * values a quarter of the domain apart (the stops' spacing).
 */
const themes = ['dark', 'light'] as const;
const samples = (theme: 'dark' | 'light') => Array.from({ length: 41 }, (_, i) => sequentialColor(i / 40, theme));
const cases = themes.flatMap((theme) => VISIONS.map((vision) => [theme, vision] as const));

describe.each(cases)('sequential ramp, %s theme, %s vision', (theme, vision) => {
  it('changes lightness strictly monotonically, away from the background as values rise', () => {
    const L = samples(theme).map((c) => lightness(c, vision));
    for (let i = 1; i < L.length; i++) {
      if (theme === 'dark') expect(L[i]!).toBeGreaterThan(L[i - 1]!);
      else expect(L[i]!).toBeLessThan(L[i - 1]!);
    }
  });

  it(`keeps adjacent stops at least ΔE00 ${STEP_DELTA_E} apart`, () => {
    const stops = rampStops(theme);
    expect(stops.length).toBe(5);
    for (let i = 1; i < stops.length; i++) expect(colourDifference(stops[i - 1]!, stops[i]!, vision)).toBeGreaterThanOrEqual(STEP_DELTA_E);
  });

  it(`keeps any two values a quarter of the domain apart at least ΔE00 ${STEP_DELTA_E} apart`, () => {
    for (let i = 0; i <= 30; i++) {
      const t = i / 40;
      expect(colourDifference(sequentialColor(t, theme), sequentialColor(t + 0.25, theme), vision)).toBeGreaterThanOrEqual(STEP_DELTA_E);
    }
  });

  it(`keeps the "no data" grey at least ΔE00 ${CATEGORY_DELTA_E} from every colour of the ramp`, () => {
    const grey = noDataColor(theme);
    for (const c of samples(theme)) expect(colourDifference(c, grey, vision)).toBeGreaterThanOrEqual(CATEGORY_DELTA_E);
  });
});
