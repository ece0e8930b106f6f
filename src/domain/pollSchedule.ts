/**
 * When a screen asks a feed again: the polling schedule every screen follows, and that the load test's light
 * clients follow too (so its figures are the app's). Pure: time and randomness come in as arguments.
 *
 * - Each screen refreshes each feed once per cadence (`intervalMs`), on ticks at a random phase of its own, drawn
 *   once: screens switched on together (a province's walls at 7:00) do not ask in step.
 * - A query is asked at a tick when its last attempt is at least one cadence old (`isDue`), so however many
 *   panels show it, it costs one request per cadence; one acquired between ticks waits at most one more cadence.
 * - A failed request is retried with backoff and full jitter (src/api/retry.ts); a query that still fails in a
 *   way only time mends is then left to the screen's probe (src/domain/recovery.ts), which finds out within
 *   seconds that the API answers again, `online` event or not, and catches up.
 * - While its page is hidden a screen asks nothing at its ticks; shown again, it asks once for what is due.
 */

/** How early a tick may come and still count (timers fire a little late or early). */
export const TICK_TOLERANCE_MS = 50;

/**
 * A query whose last attempt failed is asked again by a view that starts showing it only when that attempt is at
 * least this old (or a cadence old, if shorter): scenes coming and going cost a failing feed one request a minute.
 */
export const RETRY_ON_VIEW_MS = 60_000;

/** The delay before a screen's first refresh tick for a feed: uniform in [0, interval). */
export function refreshPhaseMs(intervalMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * intervalMs);
}

/** Whether a query last attempted at `lastAttemptAt` is due at `now` (never attempted: due). */
export function isDue(lastAttemptAt: number | null, now: number, intervalMs: number): boolean {
  return lastAttemptAt === null || now - lastAttemptAt >= intervalMs - TICK_TOLERANCE_MS;
}

