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

type View = Pick<FeedView<unknown>, 'status' | 'asOf' | 'error' | 'rejected' | 'cached'>;

/**
 * A panel's state from the feeds it shows. `data` are the feeds its figures come from: the panel's as-of is the
 * oldest of theirs. `reference` are the feeds it only looks things up in (the catalogue, the units, outlines):
 * they count for status, errors, dropped rows and cached copies, but their as-of is not the figures' time (a
 * live KPI checked a minute ago is not "as of midnight" because the list of units was).
 */
export function panelState(data: View | readonly View[], ...reference: readonly View[]): PanelState {
  const figures: readonly View[] = isViewList(data) ? data : [data];
  const stamps = figures.map((v) => v.asOf).filter((s): s is string => s !== null);
  return withReference(
    {
      status: combineStatus(figures.map((v) => v.status)),
      asOf: stamps.length === figures.length ? (stamps.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null) : null,
      error: figures.find((v) => v.error)?.error ?? null,
      rejected: figures.reduce((n, v) => n + v.rejected.length, 0),
      cached: figures.some((v) => v.cached),
    },
    ...reference,
  );
}

/** A panel's state with reference feeds counted in: their status, errors, dropped rows, cached copies; not their as-of. */
export function withReference(state: PanelState, ...reference: readonly View[]): PanelState {
  if (!reference.length) return state;
  return {
    status: combineStatus([state.status, ...reference.map((v) => v.status)]),
    asOf: state.asOf,
    error: state.error ?? reference.find((v) => v.error)?.error ?? null,
    rejected: reference.reduce((n, v) => n + v.rejected.length, state.rejected),
    cached: (state.cached ?? false) || reference.some((v) => v.cached),
  };
}

function isViewList(data: View | readonly View[]): data is readonly View[] {
  return Array.isArray(data);
}

/** A state for a panel whose data is derived and not there (yet): loading until its feeds have answered. */
export function pendingState(status: FeedStatus = 'loading'): PanelState {
  return { status, asOf: null, error: null, rejected: 0 };
}

/** Whether a panel's figures are in, or have failed: neither waiting to be asked nor on their way. */
export function hasSettled(state: Pick<PanelState, 'status'>): boolean {
  return state.status !== 'idle' && state.status !== 'loading';
}
