/** Small numeric helpers shared by the generator. */

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

export { roundTo } from '../../src/domain/round';

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}

export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(sum(values.map((v) => (v - m) ** 2)) / (values.length - 1));
}

/** Integer years from `first` to `last`, both included. */
export function years(first: number, last: number): number[] {
  const out: number[] = [];
  for (let year = first; year <= last; year++) out.push(year);
  return out;
}
