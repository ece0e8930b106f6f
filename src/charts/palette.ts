/** Colours charts draw with, per theme; kept in step with the CSS variables in styles/theme.css. */
export interface ChartPalette {
  text: string;
  muted: string;
  grid: string;
  background: string;
  /** The main series colour. */
  primary: string;
  /** The province itself or the selected unit. */
  highlight: string;
  good: string;
  bad: string;
  track: string;
}

export type ThemeName = 'dark' | 'light';

// Okabe–Ito based hues: distinguishable with the common colour-vision deficiencies.
const palettes: Record<ThemeName, ChartPalette> = {
  dark: {
    text: '#e8eef7',
    muted: '#a9b8cc',
    grid: '#2a3a52',
    background: 'transparent',
    primary: '#56b4e9',
    highlight: '#e69f00',
    good: '#3fbf9f',
    bad: '#f08a5d',
    track: '#1f2d42',
  },
  light: {
    text: '#14202e',
    muted: '#4a5a70',
    grid: '#d5dde8',
    background: 'transparent',
    primary: '#0072b2',
    highlight: '#c26a00',
    good: '#007a5e',
    bad: '#9b1c1c',
    track: '#e6ecf3',
  },
};

export function chartPalette(theme: ThemeName): ChartPalette {
  return palettes[theme];
}
