/** Rounds half away from zero at `decimals` places (for the non-negative figures of the feeds). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
