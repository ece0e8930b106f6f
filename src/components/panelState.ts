import { combineStatus, type FeedStatus } from '../domain/status';
import type { FeedError } from '../feeds/feedError';
import type { FeedView } from '../stores/feedView';

/** What a panel frame shows about its data, whichever feeds it draws on. */
export interface PanelState {
  status: FeedStatus;
  /** The oldest as-of among the feeds the panel shows. */
  asOf: string | null;
  error: FeedError | null;
  rejected: number;
  /** Some of the data is a copy kept from an earlier visit, not yet confirmed by the feed. */
  cached?: boolean;
}

export function panelState(...views: readonly Pick<FeedView<unknown>, 'status' | 'asOf' | 'error' | 'rejected' | 'cached'>[]): PanelState {
  const stamps = views.map((v) => v.asOf).filter((s): s is string => s !== null);
  return {
    status: combineStatus(views.map((v) => v.status)),
    asOf: stamps.length === views.length ? (stamps.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null) : null,
    error: views.find((v) => v.error)?.error ?? null,
    rejected: views.reduce((n, v) => n + v.rejected.length, 0),
    cached: views.some((v) => v.cached),
  };
}

/** A state for a panel whose data is derived and not there (yet): loading until its feeds have answered. */
export function pendingState(status: FeedStatus = 'loading'): PanelState {
  return { status, asOf: null, error: null, rejected: 0 };
}

/** Several panel states as one: the worst status, the oldest as-of, the first error, rejected rows summed. */
export function combineStates(...states: readonly PanelState[]): PanelState {
  return panelState(...states.map((s) => ({ ...s, rejected: new Array<never>(s.rejected), cached: s.cached ?? false })));
}
