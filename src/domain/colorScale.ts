/**
 * Colours for values on maps: one domain per index, one sequential ramp per theme; and a diverging palette for
 * signed values (a change since last year, a gap to a target or an average).
 *
 * The ramp is a stretch of viridis (Smith & van der Walt's perceptually uniform map), given as five stops and
 * interpolated linearly in sRGB, which is also how ECharts' visualMap interpolates the same stops, so a map and
 * a tile grid give a value the same colour. Viridis was chosen because its lightness rises monotonically from
 * end to end and its hues run blue → green → yellow, avoiding the red–green axis: it keeps its order under
 * deuteranopia, protanopia, tritanopia and in greyscale (test/unit/colour checks this with simulations). Each
 * theme uses the stretch whose end nearest the background still has 3:1 contrast with it (WCAG's minimum for
 * graphics), and "more" is always the end that stands out most from the background:
 * - dark (panel #111c2d): teal-blue #2c728e (low, 3.2:1) → yellow #fde725 (high), lightness L* 45 → 91;
 * - light (white): teal #21908c (low, 3.9:1) → deep purple #440154 (high), lightness L* 54 → 15.
 * Both ramps have five stops, so a quarter of the domain apart is at least ΔE00 5 with every simulated
 * deficiency (the dark stretch is resampled at five points: with six, its two yellow-green top stops came
 * within ΔE00 4.5 of each other under protanopia).
 * Units without data get a grey lighter or darker than every colour of the ramp, so it cannot be read as a value.
 */

export type RampTheme = 'dark' | 'light';

/** Viridis at 0, ⅛, ¼ … 1 of its range (the common nine-colour sampling), low to high. */
const VIRIDIS_NINE = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21908c', '#27ad81', '#5dc863', '#aadc32', '#fde725'] as const;

const RAMPS: Record<RampTheme, readonly string[]> = {
  // Viridis at 3/8, 17/32, 11/16, 27/32 and 1 (between the nine points above, interpolated in sRGB).
  dark: ['#2c728e', '#239789', '#42bb72', '#97d73e', '#fde725'],
  light: VIRIDIS_NINE.slice(0, 5).reverse(),
};

/** Neutral fill of a unit without a value: darker (dark theme) or lighter (light theme) than the whole ramp. */
const NO_DATA: Record<RampTheme, string> = { dark: '#3d4757', light: '#c8cfd8' };

/**
 * Diverging palette, most negative → neutral → most positive: orange below zero, blue above, a neutral grey at
 * zero (hue angles about 52° and 250° in CIELAB: the blue–yellow axis that protanopes and deuteranopes keep,
 * and apart in red–green too, which tritanopes keep). Lightness moves away from the background as the size of
 * the value grows, the same on both arms, so either arm reads in greyscale and no sign looks heavier:
 * - dark: grey L* 44 at zero → L* 77 at both ends;
 * - light: grey L* 93 at zero → L* 42 at both ends.
 * The ends are text colours too (at least 4.5:1 on every background of their theme): styles/theme.css carries
 * them as --c-fall and --c-rise, for figures that rose or fell, and test/unit/colour keeps the two in step.
 */
const DIVERGING: Record<RampTheme, readonly string[]> = {
  dark: ['#ffaa80', '#e18b61', '#ae775c', '#686868', '#6089a4', '#62a8d2', '#69c8ff'],
  light: ['#a24918', '#ce784d', '#ebae91', '#ebebeb', '#9cc0da', '#4696c2', '#006a93'],
};

/** Panel backgrounds the ramps were checked against; kept in step with --c-panel in styles/theme.css. */
export const PANEL_BACKGROUND: Record<RampTheme, string> = { dark: '#111c2d', light: '#ffffff' };

/** The ramp's colours, low to high, equally spaced: ECharts visualMap `inRange.color`. */
export function rampStops(theme: RampTheme): string[] {
  return [...RAMPS[theme]];
}

export function noDataColor(theme: RampTheme): string {
  return NO_DATA[theme];
}

/** The colour of `t` (0 = low end of the domain, 1 = high end; clamped), interpolated between the ramp's stops. */
export function sequentialColor(t: number, theme: RampTheme): string {
  return interpolate(RAMPS[theme], Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0);
}

/** The diverging palette's colours, most negative to most positive, equally spaced, neutral in the middle. */
export function divergingStops(theme: RampTheme): string[] {
  return [...DIVERGING[theme]];
}

/** The colour of a signed `t`: −1 most negative, 0 neutral, 1 most positive (clamped; not finite: neutral). */
export function divergingColor(t: number, theme: RampTheme): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(-1, t)) : 0;
  return interpolate(DIVERGING[theme], (clamped + 1) / 2);
}

/** `stops` at `position` (0–1), interpolated linearly in sRGB between the two stops around it. */
function interpolate(stops: readonly string[], position: number): string {
  const scaled = position * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(scaled));
  const from = toRgb(stops[i] ?? '#000000');
  const to = toRgb(stops[i + 1] ?? '#000000');
  const f = scaled - i;
  return toHex([0, 1, 2].map((k) => (from[k] ?? 0) + ((to[k] ?? 0) - (from[k] ?? 0)) * f) as [number, number, number]);
}

/** Where `value` sits in `domain`, 0–1 (clamped). */
export function domainPosition(value: number, domain: readonly [number, number]): number {
  const [lo, hi] = domain;
  if (!(hi > lo)) return 0.5;
  return Math.min(1, Math.max(0, (value - lo) / (hi - lo)));
}

/**
 * A rounded domain covering `values`, inside the indicator's scale. Pass every unit value of the index across
 * all years and levels shown: the domain then stays put when the year or level changes, so one colour means one
 * value everywhere. Ends are multiples of a 1–2–2.5–5 step about a fifth of the spread.
 */
export function colorDomain(values: readonly number[], scale: { min: number; max: number }): [number, number] {
  const finite = values.filter((x) => Number.isFinite(x));
  const span = scale.max - scale.min;
  if (finite.length === 0 || !(span > 0)) return [scale.min, scale.max];
  const lo = Math.max(scale.min, Math.min(...finite));
  const hi = Math.min(scale.max, Math.max(...finite));
  const spread = hi - lo;
  const step = niceStep(spread > 0 ? spread / 5 : Math.max(Math.abs(lo) * 0.05, span / 50));
  // A single value sits in the middle of one step on each side; otherwise the ends round outwards.
  const pad = spread > 0 ? 0 : 0.5;
  let start = roundTo(Math.floor(lo / step + 1e-9 - pad) * step, step);
  let end = roundTo(Math.ceil(hi / step - 1e-9 + pad) * step, step);
  start = Math.max(scale.min, start);
  end = Math.min(scale.max, end);
  if (end <= start) start = Math.max(scale.min, roundTo(end - step, step));
  return [start, end];
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const mantissa = raw / power;
  const nice = [1, 2, 2.5, 5, 10].find((m) => mantissa <= m + 1e-9) ?? 10;
  return nice * power;
}

/** Removes binary noise (0.30000000000000004) at the step's precision. */
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step)) + 1);
  return Number(value.toFixed(decimals));
}

function toRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(rgb: readonly [number, number, number]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = toRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio of two #rrggbb colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)].sort((p, q) => q - p);
  return ((x ?? 0) + 0.05) / ((y ?? 0) + 0.05);
}

const DARK_TEXT = '#000000';
const LIGHT_TEXT = '#ffffff';

/** Text colour for a label on `background`: black or white, whichever contrasts more (at least 4.5:1 on every ramp colour). */
export function textColorOn(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}
