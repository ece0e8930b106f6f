/**
 * `rows` in slices of `size`, one INSERT each: PostgreSQL takes at most 65,535 parameters per statement, so a
 * caller picks `size` × its column count well under that.
 */
export function* batches<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}
