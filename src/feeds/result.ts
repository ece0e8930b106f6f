import type { FeedError } from './feedError';

/** A row dropped at the edge: where it was and why, for /status. */
export interface Rejection {
  index: number;
  reason: string;
}

/** A new answer, validated: its rows, when they were current, the rows left out, and its ETag if it had one. */
export interface FeedAnswer<T> {
  ok: true;
  notModified?: false;
  data: T;
  asOf: string;
  sample: boolean;
  rejected: Rejection[];
  /** The answer's validator, to revalidate it later with If-None-Match; absent or null when it had none. */
  etag?: string | null;
}

/**
 * The feed confirmed that the copy the caller holds (named by its ETag) is still current (HTTP 304): nothing
 * was sent, so nothing was parsed. Only a caller that holds that copy can make sense of it.
 */
export interface FeedNotModified {
  ok: true;
  notModified: true;
  /** The validator the feed confirmed: the one the caller sent, or the 304's own ETag. */
  etag: string | null;
}

export type FeedFailure = { ok: false; error: FeedError };

export type FeedResult<T> = FeedAnswer<T> | FeedNotModified | FeedFailure;
