/**
 * How a screen finds out that a failing feed API answers again, and catches up. Pure: time and randomness come in
 * as arguments (src/stores/recovery.ts runs these rules on timers).
 *
 * - A query whose last attempt failed in a way that only time mends (`awaitsRecovery`: the API unreachable, no
 *   answer in time, a 5xx, a 408 or 429, a web page or broken JSON where data was due) is left to the screen's
 *   probe, not to its feed's next cadence tick.
 * - The probe is one request at a time for the whole screen: one of those queries (`pickProbe`: the one asked
 *   longest ago), conditional on the copy held. Probe number `step` (0-based) comes `probeDelayMs` after the
 *   previous one settled: full jitter under a ceiling that starts at 5 s and grows ×1.3 per failed probe, capped
 *   at the shortest cadence among the failing feeds and at 5 minutes (`probeCeilingMs`).
 * - Once a probe is answered, every other query waiting for recovery is asked again within a few seconds, each at
 *   a random instant of its own (`catchUpDelayMs`), not all at once.
 */

/** The ceiling of the first probe's delay. */
export const PROBE_FIRST_MS = 5_000;
/**
 * How much the ceiling grows per failed probe. ×1.3 rather than ×2: with full jitter, the wait after the API heals
 * is anything up to the ceiling in force. ×2 has reached a 40 s ceiling 20 s into an outage, so one screen in eight
 * waits 30 s or more after a 20 s blip before a probe finds the API back; ×1.3 is at about 14 s then, and fewer
 * than one screen in a hundred waits 20 s. It costs little: the ceiling reaches the 5-minute cap from the 17th
 * probe on (about 9 minutes in), and an hour of outage costs a screen about 36 probes instead of 29.
 */
export const PROBE_GROWTH = 1.3;
/** The most a probe ever waits, whatever the cadence. */
export const PROBE_MAX_MS = 300_000;
/** The queries that catch up after a probe is answered are spread over this long. */
export const CATCH_UP_SPREAD_MS = 3_000;

/** What the rules need of a feed error. */
export interface FailureLike {
  kind: string;
  status?: number;
}

/**
 * Whether a failure is one that only time mends, and that the probe retries: the API could not be reached or
 * did not answer in time, answered 5xx, 408 or 429, or answered with a web page or broken JSON (a proxy's error or
 * sign-in page, a body cut off). Not: answers that say the request or the data is wrong (401, 403, 404, schema
 * drift, rejected rows, an empty list, a body over the size limit), which the feed's own cadence asks again.
 */
export function awaitsRecovery(error: FailureLike | null | undefined): boolean {
  if (!error) return false;
  switch (error.kind) {
    case 'network':
    case 'timeout':
    case 'not-json':
    case 'malformed':
      return true;
    case 'http': {
      const status = error.status ?? 0;
      return status >= 500 || status === 408 || status === 429;
    }
    default:
      return false;
  }
}

/** The ceiling of probe number `step` (0-based): 5 s × 1.3^step, at most the cadence and at most 5 minutes. */
export function probeCeilingMs(step: number, cadenceMs: number): number {
  return Math.min(PROBE_FIRST_MS * PROBE_GROWTH ** Math.max(0, step), cadenceMs, PROBE_MAX_MS);
}

/** The delay before probe number `step`: uniform in [0, ceiling) (full jitter). */
export function probeDelayMs(step: number, cadenceMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * probeCeilingMs(step, cadenceMs));
}

/** The delay before one query catches up after a probe was answered: uniform in [0, CATCH_UP_SPREAD_MS). */
export function catchUpDelayMs(random: () => number = Math.random): number {
  return Math.floor(random() * CATCH_UP_SPREAD_MS);
}

/**
 * Which waiting query to probe: the one asked longest ago (never asked counts as oldest), the first of equals. So
 * feeds that fail each for a reason of their own take turns, and none waits behind another for ever.
 */
export function pickProbe<T extends { lastAttemptAt: number | null }>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const candidate of candidates) {
    if (best === undefined || (candidate.lastAttemptAt ?? -Infinity) < (best.lastAttemptAt ?? -Infinity)) best = candidate;
  }
  return best;
}
