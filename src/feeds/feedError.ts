import type { FeedId } from '../contract/routes';
import { RequestError } from '../api/requestError';

export type FeedErrorKind =
  | 'timeout'
  | 'network'
  | 'http'
  | 'auth'
  | 'not-found'
  | 'too-large'
  | 'malformed'
  | 'not-json'
  | 'schema'
  | 'rejected'
  | 'empty'
  | 'cancelled';

/** Why a feed gave nothing usable: named feed, kind, and for schema errors the field that was wrong. */
export interface FeedError {
  feed: FeedId;
  kind: FeedErrorKind;
  status?: number;
  /** Dotted path of the offending field, for schema errors. */
  field?: string;
  /** Plain text for people; never rendered as HTML. */
  message: string;
}

export function feedError(feed: FeedId, kind: FeedErrorKind, message: string, extra: Partial<FeedError> = {}): FeedError {
  return { feed, kind, message, ...extra };
}

/** Turns a failed request into a feed error. */
export function fromRequestError(feed: FeedId, error: unknown): FeedError {
  if (!(error instanceof RequestError)) return feedError(feed, 'network', error instanceof Error ? error.message : 'request failed');
  const f = error.failure;
  switch (f.kind) {
    case 'timeout':
      return feedError(feed, 'timeout', 'no answer in time');
    case 'network':
      return feedError(feed, 'network', 'API unreachable');
    case 'cancelled':
      return feedError(feed, 'cancelled', 'cancelled');
    case 'too-large':
      return feedError(feed, 'too-large', `answer larger than ${f.limit} bytes`);
    case 'http': {
      const kind = f.status === 401 || f.status === 403 ? 'auth' : f.status === 404 ? 'not-found' : 'http';
      const message = [`HTTP ${f.status}`, f.title, f.detail].filter(Boolean).join(': ');
      return feedError(feed, kind, message, { status: f.status });
    }
  }
}
