/**
 * When a screen asks a feed again: the polling schedule every screen follows, and that the load test's light
 * clients follow too (so its figures are the app's). Pure: time and randomness come in as arguments.
 *
 * - Each screen refreshes each feed once per cadence (`intervalMs`), on ticks at a random phase of its own, drawn
 *   once: screens switched on together (a province's walls at 7:00) do not ask in step.
 * - A query is asked at a tick when its last attempt is at least one cadence old (`isDue`), so however many
 *   panels show it, it costs one request per cadence; one acquired between ticks waits at most one more cadence.
 * - After a network change (`online`) a screen asks within a random delay (`catchUpDelay`), not at once with
 *   every other screen; failures retry with backoff and full jitter (src/api/retry.ts).
 * - While its page is hidden a screen asks nothing at its ticks; shown again, it asks once for what is due.
 *   After a network change it asks for what is due and for what could not reach the API (`isDueOnReconnect`).
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

/**
 * Whether a query is asked for when the network comes back: when it is due, or when its last attempt never
 * reached the API (a network error), which cost the API nothing and left the screen on old data.
 */
export function isDueOnReconnect(lastAttemptAt: number | null, now: number, intervalMs: number, unreached: boolean): boolean {
  return unreached || isDue(lastAttemptAt, now, intervalMs);
}

/** The delay before catching up after the network comes back: uniform in [0, min(interval, 10 s)). */
export function catchUpDelayMs(intervalMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(intervalMs, 10_000));
}
