import type { RampTheme } from './colorScale';

/**
 * One colour and one marker shape per compared unit, the same on every chart and beside the unit's name in
 * the table. Based on Okabe & Ito's palette, chosen per theme so each colour keeps at least 3:1 contrast with
 * the panel (WCAG's minimum for graphics) and every two stay at least ΔE00 10 apart with normal vision and
 * simulated protanopia, deuteranopia and tritanopia (test/unit/colour). On white, the light theme trades
 * Okabe–Ito's darkened blue and dark yellow for a brighter blue and a purple: the vermilion and the dark yellow
 * looked alike to protanopes (ΔE00 2), the blue and the green to tritanopes (7.5). The shape is a second key,
 * so colour is never the only one.
 */
const COLOURS: Record<RampTheme, readonly string[]> = {
  dark: ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#cc79a7', '#d55e00'],
  light: ['#1a85ff', '#d55e00', '#007a5e', '#cc79a7', '#6a3d9a', '#14202e'],
};

/** ECharts symbols and the text glyph that looks the same in HTML; `hollow` is ECharts' outlined form, if it has one. */
const SHAPES: readonly { symbol: string; hollow: string | null; glyph: string }[] = [
  { symbol: 'circle', hollow: 'emptyCircle', glyph: '●' },
  { symbol: 'rect', hollow: 'emptyRect', glyph: '■' },
  { symbol: 'triangle', hollow: 'emptyTriangle', glyph: '▲' },
  { symbol: 'diamond', hollow: 'emptyDiamond', glyph: '◆' },
  { symbol: 'path://M0,0L10,0L5,9Z', hollow: null, glyph: '▼' },
  { symbol: 'path://M5,0L6.18,3.64L10,3.64L6.91,5.88L8.09,9.51L5,7.27L1.91,9.51L3.09,5.88L0,3.64L3.82,3.64Z', hollow: null, glyph: '★' },
];

export interface UnitStyle {
  colour: string;
  /** The ECharts symbol of the unit's points and legend entry. */
  symbol: string;
  /** The outlined symbol for re-mapped points; null: draw `symbol` with a white fill and a coloured border. */
  hollow: string | null;
  /** The same shape as a character, beside the unit's name in tables and chips. */
  glyph: string;
}

export function compareStyle(index: number, theme: RampTheme): UnitStyle {
  const colours = COLOURS[theme];
  const colour = colours[index % colours.length] ?? '#888888';
  const shape = SHAPES[index % SHAPES.length] ?? { symbol: 'circle', hollow: 'emptyCircle', glyph: '●' };
  return { colour, ...shape };
}

export function compareColours(theme: RampTheme): readonly string[] {
  return COLOURS[theme];
}
