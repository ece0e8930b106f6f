import { describe, expect, it } from 'vitest';
import {
  PANEL_BACKGROUND,
  colorDomain,
  contrastRatio,
  domainPosition,
  noDataColor,
  rampStops,
  relativeLuminance,
  sequentialColor,
  textColorOn,
} from '../../../src/domain/colorScale';

const themes = ['dark', 'light'] as const;
const samples = (theme: 'dark' | 'light') => Array.from({ length: 41 }, (_, i) => sequentialColor(i / 40, theme));

describe('colour domain', () => {
  it('covers every value with rounded ends', () => {
    const values = [62.31, 88.9, 71.05, 79.4];
    const [lo, hi] = colorDomain(values, { min: 0, max: 100 });
    expect(lo).toBeLessThanOrEqual(62.31);
    expect(hi).toBeGreaterThanOrEqual(88.9);
    expect([lo, hi]).toEqual([60, 90]);
  });

  it('stays inside the indicator scale', () => {
    expect(colorDomain([97.2, 99.9, 100], { min: 0, max: 100 })).toEqual([97, 100]);
    expect(colorDomain([0, 0.4], { min: 0, max: 1 })).toEqual([0, 0.4]);
    const [lo, hi] = colorDomain([0.45, 0.82, 0.61], { min: 0, max: 1 });
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    expect(lo).toBeLessThanOrEqual(0.45);
    expect(hi).toBeGreaterThanOrEqual(0.82);
    expect(String(lo)).toMatch(/^0(\.\d{1,2})?$/);
  });

  it('is the same for any year when given every year\'s values, so one colour means one value', () => {
    const byYear = { 2023: [70.1, 81.2], 2024: [72.4, 86.9], 2025: [68.3, 84.1] };
    const all = Object.values(byYear).flat();
    const once = colorDomain(all, { min: 0, max: 100 });
    expect(colorDomain([...all].reverse(), { min: 0, max: 100 })).toEqual(once);
    for (const values of Object.values(byYear)) {
      for (const v of values) expect(v >= once[0] && v <= once[1]).toBe(true);
    }
  });

  it('gives a real range for one value, a value at the top of the scale, and no values', () => {
    const [lo, hi] = colorDomain([50, 50], { min: 0, max: 100 });
    expect(lo).toBeLessThan(50);
    expect(hi).toBeGreaterThan(50);
    const [top0, top1] = colorDomain([100], { min: 0, max: 100 });
    expect(top1).toBe(100);
    expect(top0).toBeLessThan(100);
    expect(colorDomain([], { min: 0, max: 100 })).toEqual([0, 100]);
    expect(colorDomain([Number.NaN], { min: 0, max: 1 })).toEqual([0, 1]);
  });

  it('places a value in the domain, clamped', () => {
    expect(domainPosition(75, [60, 90])).toBe(0.5);
    expect(domainPosition(40, [60, 90])).toBe(0);
    expect(domainPosition(95, [60, 90])).toBe(1);
  });
});

describe('sequential ramp', () => {
  it.each(themes)('%s: changes lightness monotonically, away from the background as values rise', (theme) => {
    const lum = samples(theme).map(relativeLuminance);
    for (let i = 1; i < lum.length; i++) {
      if (theme === 'dark') expect(lum[i]!).toBeGreaterThan(lum[i - 1]!);
      else expect(lum[i]!).toBeLessThan(lum[i - 1]!);
    }
  });

  it.each(themes)('%s: has distinct ends, both visible on the panel background (3:1)', (theme) => {
    const low = sequentialColor(0, theme);
    const high = sequentialColor(1, theme);
    expect(low).not.toBe(high);
    expect(contrastRatio(low, high)).toBeGreaterThan(3);
    for (const c of samples(theme)) expect(contrastRatio(c, PANEL_BACKGROUND[theme])).toBeGreaterThanOrEqual(3);
  });

  it.each(themes)('%s: gives the visualMap exactly the stops it interpolates between', (theme) => {
    const stops = rampStops(theme);
    expect(stops.length).toBeGreaterThanOrEqual(5);
    stops.forEach((stop, i) => expect(sequentialColor(i / (stops.length - 1), theme)).toBe(stop));
    expect(sequentialColor(-1, theme)).toBe(stops[0]);
    expect(sequentialColor(2, theme)).toBe(stops.at(-1));
  });

  it.each(themes)('%s: greys units without data lighter or darker than every colour of the ramp', (theme) => {
    const lum = samples(theme).map(relativeLuminance);
    const grey = relativeLuminance(noDataColor(theme));
    const outside = grey < Math.min(...lum) || grey > Math.max(...lum);
    expect(outside).toBe(true);
  });

  it('picks the text colour with more contrast on a tile', () => {
    for (const theme of themes) {
      for (const bg of [...samples(theme), noDataColor(theme)]) {
        const text = textColorOn(bg);
        const other = text === '#ffffff' ? '#000000' : '#ffffff';
        expect(contrastRatio(text, bg)).toBeGreaterThanOrEqual(contrastRatio(other, bg));
        expect(contrastRatio(text, bg)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
