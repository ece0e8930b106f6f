/**
 * The thresholds the colour tests hold every palette to. Differences are CIEDE2000 (ΔE00) between colours as
 * seen with normal vision and with simulated protanopia, deuteranopia and tritanopia (src/domain/colourVision.ts).
 * About 1 is the smallest difference visible side by side; 2–3 is what a careful reader notices.
 */

/** Neighbouring steps of an ordered palette (a ramp's stops, a quarter of the domain apart): clear at a glance. */
export const STEP_DELTA_E = 5;

/**
 * Colours that name different things (compared units, good / warn / bad, "no data" against any value, the two
 * arms of the diverging palette): different colours, not shades of one.
 */
export const CATEGORY_DELTA_E = 10;

/** WCAG 2 AA for text of any size (1.4.3). */
export const TEXT_CONTRAST = 4.5;

/** WCAG 2 AA for graphics and focus indicators (1.4.11). */
export const GRAPHIC_CONTRAST = 3;
