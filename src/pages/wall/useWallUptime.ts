import { computed, ref } from 'vue';
import { useIntervalFn, useTimeoutFn } from '@vueuse/core';
import { burnInOffset, nextDailyTime } from '../../domain/wall';

/**
 * Days on the wall: a small periodic shift of the whole layout against burn-in, and a soft reload at a
 * set time of day (Vietnam time) that keeps the wall's place (the caller saves it first).
 */
export function useWallUptime(options: {
  burnIn: { everySeconds: number; maxShiftPx: number };
  softReloadAt: string | null;
  beforeReload: () => void;
  reload?: () => void;
}) {
  const step = ref(0);
  useIntervalFn(() => step.value++, options.burnIn.everySeconds * 1000);
  const offset = computed(() => burnInOffset(step.value, options.burnIn.maxShiftPx));

  const reloadAt = options.softReloadAt ? nextDailyTime(new Date(), options.softReloadAt) : null;
  if (reloadAt) {
    useTimeoutFn(() => {
      options.beforeReload();
      (options.reload ?? (() => window.location.reload()))();
    }, reloadAt.getTime() - Date.now());
  }

  return { offset, margin: options.burnIn.maxShiftPx, reloadAt };
}
