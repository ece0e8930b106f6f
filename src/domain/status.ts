import { isTooOld } from './freshness';

/** The one status every panel shows. */
export type FeedStatus = 'idle' | 'loading' | 'ready' | 'stale' | 'error';

export interface StatusInputs {
  requested: boolean;
  hasData: boolean;
  /** The last attempt failed (the last good data, if any, is kept). */
  failed: boolean;
  /** The data is a copy kept from an earlier visit and not yet confirmed by the feed. */
  cached?: boolean;
  asOf: string | null;
  now: number;
  maxAgeSeconds: number;
}

/**
 * ready: data that is current; stale: data kept after a failure, a copy kept from an earlier visit, or data
 * older than the feed's cadence allows;
 * error: nothing to show and the last attempt failed; loading: asked and waiting for the first data.
 */
export function deriveStatus(s: StatusInputs): FeedStatus {
  if (s.hasData) return s.failed || s.cached || isTooOld(s.asOf, s.now, s.maxAgeSeconds) ? 'stale' : 'ready';
  if (s.failed) return 'error';
  return s.requested ? 'loading' : 'idle';
}

/** The worst of several statuses, for a panel fed by more than one feed. */
export function combineStatus(statuses: readonly FeedStatus[]): FeedStatus {
  const order: FeedStatus[] = ['error', 'loading', 'idle', 'stale', 'ready'];
  for (const s of order) if (statuses.includes(s)) return s;
  return 'idle';
}
