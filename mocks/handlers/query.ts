import type { SampleProvince } from '../generator/types';
import { ProblemError } from './respond';

/**
 * Query parameters as ROUTES describes them. A bad value throws a ProblemError (400) that names the
 * parameter; unknown parameter names are ignored, like most REST APIs do (cache busters, tracing).
 */

/** Every value given for `name` (repeated keys included), or undefined when the key is absent. */
function rawValues(url: URL, name: string): string[] | undefined {
  const values = url.searchParams.getAll(name);
  return values.length === 0 ? undefined : values;
}

/** A `csv` parameter: one value or several separated by commas. Undefined when absent (= all). */
export function readCsv(url: URL, name: string): string[] | undefined {
  const raw = rawValues(url, name);
  if (raw === undefined) return undefined;
  const items = raw
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new ProblemError(400, `Query parameter "${name}" is empty; omit it to get all values.`);
  return items;
}

/** A `csv` parameter of whole numbers (years). */
export function readIntegers(url: URL, name: string): number[] | undefined {
  const items = readCsv(url, name);
  if (items === undefined) return undefined;
  return items.map((item) => {
    if (!/^[+-]?\d+$/.test(item)) {
      throw new ProblemError(400, `Query parameter "${name}" must list whole numbers separated by commas; got "${item}".`);
    }
    return Number(item);
  });
}

/** The `level` parameter: one level id of `levelIds` (meta.levels' ids, in order). */
export function readLevel(url: URL, levelIds: readonly string[], options: { required: boolean }): string | undefined {
  const raw = rawValues(url, 'level');
  if (raw === undefined) {
    if (options.required) throw new ProblemError(400, `Query parameter "level" is required; one of ${levelIds.join(', ')}.`);
    return undefined;
  }
  if (raw.length > 1) throw new ProblemError(400, 'Query parameter "level" takes one value.');
  const level = (raw[0] ?? '').trim();
  if (!levelIds.includes(level)) {
    throw new ProblemError(400, `Query parameter "level" has an unknown level "${level}"; one of ${levelIds.join(', ')}.`);
  }
  return level;
}

/** The level ids of the sample province, in meta.levels' order. */
export function levelIdsOf(province: SampleProvince): string[] {
  return province.meta.levels.map((level) => level.id);
}

/** A filter that keeps everything when no values were asked for. */
export function matches<T>(wanted: readonly T[] | undefined, value: T | undefined): boolean {
  if (wanted === undefined) return true;
  return value !== undefined && wanted.includes(value);
}
