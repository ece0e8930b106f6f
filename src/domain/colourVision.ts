/**
 * How colours look with the common colour-vision deficiencies, and how far apart two colours look.
 *
 * Simulation: Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of color
 * vision deficiency", the published matrices for full severity (dichromacy: protanopia, deuteranopia,
 * tritanopia). They act on linear RGB, so a colour is decoded from sRGB (IEC 61966-2-1) first, multiplied,
 * clipped to the gamut and encoded again. Each matrix's rows sum to 1, so greys (white and black included)
 * are left as they are.
 *
 * Difference: CIEDE2000 (ΔE00; Sharma, Wu & Dalal 2005) between CIELAB colours under the D65 white, the
 * usual scale for "can these two be told apart": about 1 is the smallest visible difference side by side,
 * 5 and more is clear at a glance, 10 and more is a different colour.
 */

export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';
export type Vision = 'normal' | Deficiency;

export const DEFICIENCIES: readonly Deficiency[] = ['protanopia', 'deuteranopia', 'tritanopia'];
export const VISIONS: readonly Vision[] = ['normal', ...DEFICIENCIES];

type Triple = readonly [number, number, number];
type Matrix = readonly [Triple, Triple, Triple];

/** Machado et al. 2009, severity 1.0, on linear RGB (rows give the simulated R, G, B). */
export const MACHADO_2009: Readonly<Record<Deficiency, Matrix>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** Linear sRGB → CIE XYZ (D65), IEC 61966-2-1. */
const RGB_TO_XYZ: Matrix = [
  [0.4124564, 0.3575761, 0.1804375],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339, 0.119192, 0.9503041],
];

/** The D65 white of RGB_TO_XYZ (its rows' sums). */
const WHITE: Triple = [0.95047, 1, 1.08883];

export interface Lab {
  L: number;
  a: number;
  b: number;
}

/** #rgb or #rrggbb → 0–255 channels. */
export function parseHex(hex: string): [number, number, number] {
  const raw = hex.trim().replace(/^#/, '');
  const full = raw.length === 3 ? [...raw].map((c) => c + c).join('') : raw;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** An sRGB channel, 0–1, to linear light. */
export function decodeSrgb(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Linear light, 0–1, to an sRGB channel. */
export function encodeSrgb(l: number): number {
  return l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055;
}

function apply(m: Matrix, v: Triple): [number, number, number] {
  return [0, 1, 2].map((i) => m[i]![0] * v[0] + m[i]![1] * v[1] + m[i]![2] * v[2]) as [number, number, number];
}

const clip = (x: number) => Math.min(1, Math.max(0, x));

/** A colour as linear RGB, 0–1, as seen with `vision` (clipped to the gamut). */
export function linearRgb(hex: string, vision: Vision = 'normal'): [number, number, number] {
  const linear = parseHex(hex).map((c) => decodeSrgb(c / 255)) as [number, number, number];
  return vision === 'normal' ? linear : (apply(MACHADO_2009[vision], linear).map(clip) as [number, number, number]);
}

/** A colour as seen with `vision`, as #rrggbb. */
export function simulate(hex: string, vision: Vision): string {
  const rgb = linearRgb(hex, vision).map((l) => Math.round(clip(encodeSrgb(l)) * 255));
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function labOfLinear(rgb: Triple): Lab {
  const xyz = apply(RGB_TO_XYZ, rgb);
  const f = (t: number) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  const [fx, fy, fz] = [0, 1, 2].map((i) => f(xyz[i]! / WHITE[i]!)) as [number, number, number];
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

/** CIELAB (D65) of a colour as seen with `vision`; unrounded, so small differences are not lost. */
export function toLab(hex: string, vision: Vision = 'normal'): Lab {
  return labOfLinear(linearRgb(hex, vision));
}

/** CIE L* (0 black – 100 white) of a colour as seen with `vision`. */
export function lightness(hex: string, vision: Vision = 'normal'): number {
  return toLab(hex, vision).L;
}

const rad = (deg: number) => (deg * Math.PI) / 180;
const hueOf = (b: number, a: number) => (a === 0 && b === 0 ? 0 : ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360);

/** CIEDE2000 colour difference of two CIELAB colours (kL = kC = kH = 1). */
export function deltaE2000(x: Lab, y: Lab): number {
  const c7 = (c: number) => c ** 7 / (c ** 7 + 25 ** 7);
  const cBar = (Math.hypot(x.a, x.b) + Math.hypot(y.a, y.b)) / 2;
  const g = 0.5 * (1 - Math.sqrt(c7(cBar)));
  const a1 = (1 + g) * x.a;
  const a2 = (1 + g) * y.a;
  const c1 = Math.hypot(a1, x.b);
  const c2 = Math.hypot(a2, y.b);
  const h1 = hueOf(x.b, a1);
  const h2 = hueOf(y.b, a2);

  const dL = y.L - x.L;
  const dC = c2 - c1;
  let dh = 0;
  if (c1 * c2 !== 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin(rad(dh / 2));

  const lMean = (x.L + y.L) / 2;
  const cMean = (c1 + c2) / 2;
  let hMean = h1 + h2;
  if (c1 * c2 !== 0) {
    if (Math.abs(h1 - h2) <= 180) hMean = (h1 + h2) / 2;
    else hMean = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  }
  const t =
    1 - 0.17 * Math.cos(rad(hMean - 30)) + 0.24 * Math.cos(rad(2 * hMean)) + 0.32 * Math.cos(rad(3 * hMean + 6)) - 0.2 * Math.cos(rad(4 * hMean - 63));
  const dTheta = 30 * Math.exp(-(((hMean - 275) / 25) ** 2));
  const rC = 2 * Math.sqrt(c7(cMean));
  const sL = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
  const sC = 1 + 0.045 * cMean;
  const sH = 1 + 0.015 * cMean * t;
  const rT = -Math.sin(rad(2 * dTheta)) * rC;
  const l = dL / sL;
  const c = dC / sC;
  const h = dH / sH;
  return Math.sqrt(l * l + c * c + h * h + rT * c * h);
}

/** ΔE00 between two colours as both look with `vision`. */
export function colourDifference(a: string, b: string, vision: Vision = 'normal'): number {
  return deltaE2000(toLab(a, vision), toLab(b, vision));
}

/** The closest pair of `colours` with `vision`: their indices and ΔE00 (Infinity for fewer than two colours). */
export function closestPair(colours: readonly string[], vision: Vision = 'normal'): { i: number; j: number; deltaE: number } {
  let best = { i: -1, j: -1, deltaE: Infinity };
  const labs = colours.map((c) => toLab(c, vision));
  for (let i = 0; i < labs.length; i++) {
    for (let j = i + 1; j < labs.length; j++) {
      const d = deltaE2000(labs[i]!, labs[j]!);
      if (d < best.deltaE) best = { i, j, deltaE: d };
    }
  }
  return best;
}
