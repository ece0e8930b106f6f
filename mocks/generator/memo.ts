import type { SampleProvince } from './types';

/**
 * Remembers a pure function of (province, key): the last `size` keys of each province, oldest dropped first.
 * The sample's figures are pure functions of the seed and the time, so a minute's snapshot or a day's closes are
 * computed once and then shared by every screen that asks in that minute or day. What it returns is shared:
 * callers copy before they change anything.
 */
export function memoByProvince<T>(size: number, compute: (province: SampleProvince, key: string) => T): (province: SampleProvince, key: string) => T {
  const byProvince = new WeakMap<SampleProvince, Map<string, T>>();
  return (province, key) => {
    let cache = byProvince.get(province);
    if (!cache) byProvince.set(province, (cache = new Map()));
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(province, key);
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}
