import type { FeedError } from './feedError';

/** A row dropped at the edge: where it was and why, for /status. */
export interface Rejection {
  index: number;
  reason: string;
}

export type FeedResult<T> =
  | { ok: true; data: T; asOf: string; sample: boolean; rejected: Rejection[] }
  | { ok: false; error: FeedError };
