import { computed, watch } from 'vue';
import { isClient, useDocumentVisibility, useTimeoutFn } from '@vueuse/core';
import { refreshPhaseMs } from '../domain/pollSchedule';

export interface RefreshScheduleOptions {
  /** The cadence in ms, read reactively: a change in config reschedules the ticks. */
  intervalMs: () => number;
  /** Asks again for what is due at this cadence: at each tick, and once when the page is shown again. */
  refreshDue: (intervalMs: number) => unknown;
  random?: () => number;
}

/**
 * When one feed cache asks again (src/domain/pollSchedule.ts has the rules): a tick every cadence, at a phase of
 * its own drawn once (so screens switched on together do not ask in step); no requests while the page is hidden,
 * and one catch-up when it is shown again. Built from @vueuse/core timers and listeners, so all of it is released
 * with the calling scope (the store's). Getting back from a failing API, `online` events included, is the screen's
 * recovery's job (src/stores/recovery.ts), not each schedule's.
 */
export function useRefreshSchedule(options: RefreshScheduleOptions): void {
  const random = options.random ?? Math.random;
  const visibility = useDocumentVisibility();
  const hidden = () => visibility.value === 'hidden';
  const cadence = computed(() => options.intervalMs());
  // Where in each cadence this cache's ticks fall: drawn once, scaled to the cadence in force.
  const phase = random();

  const tick = () => {
    if (!hidden()) void options.refreshDue(cadence.value);
  };
  // One timer per schedule at any time, never an interval beside a timeout: the first tick comes at this cache's
  // phase, each one after it a cadence later. (A screen's count of live timers stays the same all month, which is
  // what its leak check compares.)
  let started = false;
  const next = useTimeoutFn(
    () => {
      started = true;
      tick();
      next.start();
    },
    () => (started ? cadence.value : refreshPhaseMs(cadence.value, () => phase)),
    { immediate: false },
  );
  const schedule = () => {
    started = false;
    next.start();
  };
  // Like @vueuse/core's own timers: only where there is a page.
  if (isClient) {
    schedule();
    watch(cadence, schedule);
  }

  watch(visibility, (now, before) => {
    if (before === 'hidden' && now !== 'hidden') void options.refreshDue(cadence.value);
  });
}
