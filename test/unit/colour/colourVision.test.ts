import { describe, expect, it } from 'vitest';
import {
  DEFICIENCIES,
  MACHADO_2009,
  closestPair,
  colourDifference,
  decodeSrgb,
  deltaE2000,
  encodeSrgb,
  lightness,
  simulate,
  toLab,
  type Lab,
} from '../../../src/domain/colourVision';

const lab = (L: number, a: number, b: number): Lab => ({ L, a, b });

/** A colour from linear RGB (0–1), as #rrggbb. */
function fromLinear(rgb: readonly number[]): string {
  return `#${rgb.map((l) => Math.round(encodeSrgb(l) * 255).toString(16).padStart(2, '0')).join('')}`;
}

const cross = (u: readonly number[], v: readonly number[]) => [
  u[1]! * v[2]! - u[2]! * v[1]!,
  u[2]! * v[0]! - u[0]! * v[2]!,
  u[0]! * v[1]! - u[1]! * v[0]!,
];

describe('sRGB and CIELAB', () => {
  it('decodes and encodes sRGB (IEC 61966-2-1), both ways', () => {
    expect(decodeSrgb(0)).toBe(0);
    expect(decodeSrgb(1)).toBeCloseTo(1, 12);
    expect(decodeSrgb(0.5)).toBeCloseTo(0.214041, 6);
    expect(decodeSrgb(0.04)).toBeCloseTo(0.04 / 12.92, 12);
    for (const c of [0, 0.02, 0.04045, 0.2, 0.5, 0.9, 1]) expect(encodeSrgb(decodeSrgb(c))).toBeCloseTo(c, 6);
  });

  it('gives the published CIELAB (D65) of white, black and the sRGB primaries', () => {
    const near = (x: Lab, y: Lab) => {
      expect(x.L).toBeCloseTo(y.L, 1);
      expect(x.a).toBeCloseTo(y.a, 1);
      expect(x.b).toBeCloseTo(y.b, 1);
    };
    near(toLab('#ffffff'), lab(100, 0, 0));
    near(toLab('#000000'), lab(0, 0, 0));
    near(toLab('#ff0000'), lab(53.2408, 80.0925, 67.2032));
    near(toLab('#00ff00'), lab(87.7347, -86.1827, 83.1793));
    near(toLab('#0000ff'), lab(32.297, 79.1875, -107.8602));
    expect(lightness('#777777')).toBeCloseTo(50.03, 1);
  });

  it('reads #rgb and rejects what is not a colour', () => {
    expect(toLab('#fff')).toEqual(toLab('#ffffff'));
    expect(() => toLab('red')).toThrow(/not a #rrggbb/i);
  });
});

describe('CIEDE2000', () => {
  // Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes, supplementary
  // test data, and mathematical observations", Table 1 (a selection, covering the hue-angle edge cases).
  const pairs: [Lab, Lab, number][] = [
    [lab(50, 2.6772, -79.7751), lab(50, 0, -82.7485), 2.0425],
    [lab(50, 3.1571, -77.2803), lab(50, 0, -82.7485), 2.8615],
    [lab(50, -1.3802, -84.2814), lab(50, 0, -82.7485), 1.0],
    [lab(50, 0, 0), lab(50, -1, 2), 2.3669],
    [lab(50, 2.49, -0.001), lab(50, -2.49, 0.0009), 7.1792],
    [lab(50, 2.49, -0.001), lab(50, -2.49, 0.0011), 7.2195],
    [lab(50, -0.001, 2.49), lab(50, 0.0009, -2.49), 4.8045],
    [lab(50, -0.001, 2.49), lab(50, 0.0011, -2.49), 4.7461],
    [lab(50, 2.5, 0), lab(50, 0, -2.5), 4.3065],
    [lab(50, 2.5, 0), lab(73, 25, -18), 27.1492],
    [lab(50, 2.5, 0), lab(61, -5, 29), 22.8977],
    [lab(50, 2.5, 0), lab(56, -27, -3), 31.903],
    [lab(50, 2.5, 0), lab(58, 24, 15), 19.4535],
    [lab(60.2574, -34.0099, 36.2677), lab(60.4626, -34.1751, 39.4387), 1.2644],
    [lab(63.0109, -31.0961, -5.8663), lab(62.8187, -29.7946, -4.0864), 1.263],
    [lab(22.7233, 20.0904, -46.694), lab(23.0331, 14.973, -42.5619), 2.0373],
    [lab(90.8027, -2.0831, 1.441), lab(91.1528, -1.6435, 0.0447), 1.4441],
    [lab(6.7747, -0.2908, -2.4247), lab(5.8714, -0.0985, -2.2286), 0.6377],
    [lab(2.0776, 0.0795, -1.135), lab(0.9033, -0.0636, -0.5514), 0.9082],
  ];

  it.each(pairs)('%o vs %o is %d', (x, y, expected) => {
    expect(deltaE2000(x, y)).toBeCloseTo(expected, 4);
    expect(deltaE2000(y, x)).toBeCloseTo(expected, 4);
  });

  it('is zero for a colour and itself, and finds the closest pair of a list', () => {
    expect(colourDifference('#3fbf9f', '#3fbf9f')).toBe(0);
    const pair = closestPair(['#000000', '#ffffff', '#fefefe', '#808080']);
    expect([pair.i, pair.j]).toEqual([1, 2]);
    expect(pair.deltaE).toBeLessThan(1);
    expect(closestPair(['#000000']).deltaE).toBe(Infinity);
  });
});

describe('simulated colour-vision deficiencies (Machado et al. 2009, full severity)', () => {
  it.each(DEFICIENCIES)('%s leaves white, black and greys as they are', (d) => {
    for (const grey of ['#ffffff', '#000000', '#404040', '#808080', '#c0c0c0']) {
      expect(simulate(grey, d)).toBe(grey);
    }
    for (const row of MACHADO_2009[d]) expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 5);
  });

  it('makes pure red and pure green much closer for deuteranopes and protanopes, not for tritanopes', () => {
    const normal = colourDifference('#ff0000', '#00ff00');
    expect(normal).toBeGreaterThan(80);
    expect(colourDifference('#ff0000', '#00ff00', 'deuteranopia')).toBeLessThan(normal / 2);
    expect(colourDifference('#ff0000', '#00ff00', 'protanopia')).toBeLessThan(normal / 2);
    expect(colourDifference('#ff0000', '#00ff00', 'tritanopia')).toBeGreaterThan(normal / 2);
  });

  it('darkens red for protanopes (the missing long-wave cones), hardly for deuteranopes', () => {
    expect(lightness('#ff0000', 'protanopia')).toBeLessThan(lightness('#ff0000') - 10);
    expect(Math.abs(lightness('#ff0000', 'deuteranopia') - lightness('#ff0000'))).toBeLessThan(10);
  });

  it.each(['protanopia', 'deuteranopia'] as const)('%s: colours apart only along the confusion line look alike', (d) => {
    // A dichromat's matrix has rank two: what it sends to zero is the direction that dichromat cannot see.
    const m = MACHADO_2009[d];
    const confusion = cross(m[0], m[1]);
    const size = Math.hypot(...confusion);
    const unit = confusion.map((x) => x / size);
    expect(Math.abs(m[2][0] * unit[0]! + m[2][1] * unit[1]! + m[2][2] * unit[2]!)).toBeLessThan(1e-5);
    const grey = 0.2;
    const a = fromLinear(unit.map((u) => grey + 0.15 * u));
    const b = fromLinear(unit.map((u) => grey - 0.15 * u));
    expect(colourDifference(a, b)).toBeGreaterThan(20);
    expect(colourDifference(a, b, d)).toBeLessThan(1);
  });

  it('tritanopia confuses blue with green, and keeps red against green', () => {
    expect(colourDifference('#0072b2', '#009e73')).toBeGreaterThan(25);
    expect(colourDifference('#0072b2', '#009e73', 'tritanopia')).toBeLessThan(colourDifference('#0072b2', '#009e73') / 2);
    expect(colourDifference('#d55e00', '#009e73', 'tritanopia')).toBeGreaterThan(30);
  });

  it('returns a colour in the sRGB gamut, as #rrggbb', () => {
    for (const d of DEFICIENCIES) {
      for (const c of ['#ff0000', '#00ff00', '#0000ff', '#ffff00', '#00ffff', '#ff00ff']) expect(simulate(c, d)).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(simulate('#123456', 'normal')).toBe('#123456');
  });
});
