import { useLocalStorage } from '@vueuse/core';
import type { RouteLocationRaw } from 'vue-router';
import { useGeographyStore } from '../../stores/geography';
import { MAX_COMPARED } from '../../domain/compare';

/** The last comparison set on this device, so "compare" links elsewhere add to it rather than start again. */
const KEY = 'ioc.compare.units';

export function useRememberedCompareSet() {
  const stored = useLocalStorage<string>(KEY, '');
  return {
    codes: () => stored.value.split(',').filter(Boolean),
    remember: (codes: readonly string[]) => {
      stored.value = codes.join(',');
    },
  };
}

/**
 * Links that add a unit to the comparison: the remembered units of the same level, then this one, for that
 * year (and, if given, opened on that index). When six are already there, the new unit takes the sixth place and the sixth moves past the limit,
 * where the comparison page lists it (nothing is dropped silently).
 */
export function useCompareLink() {
  const geography = useGeographyStore();
  const memory = useRememberedCompareSet();
  return (code: string, period: number | null, indicator?: string | null): RouteLocationRaw => {
    const level = geography.byCode.get(code)?.level;
    const kept = memory.codes().filter((c) => c !== code && geography.byCode.get(c)?.level === level);
    const units = kept.length < MAX_COMPARED ? [...kept, code] : [...kept.slice(0, MAX_COMPARED - 1), code, ...kept.slice(MAX_COMPARED - 1)];
    return { path: '/compare', query: { units: units.join(','), ...(period ? { period: String(period) } : {}), ...(indicator ? { indicator } : {}) } };
  };
}
