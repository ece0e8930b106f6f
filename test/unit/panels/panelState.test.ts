import { describe, expect, it } from 'vitest';
import { panelState, withReference } from '../../../src/components/panelState';
import { feedError } from '../../../src/feeds/feedError';
import type { FeedView } from '../../../src/stores/feedView';

type View = Pick<FeedView<unknown>, 'status' | 'asOf' | 'error' | 'rejected' | 'cached'>;
const view = (asOf: string | null, extra: Partial<View> = {}): View => ({ status: asOf ? 'ready' : 'loading', asOf, error: null, rejected: [], cached: false, ...extra });

/** The sample's catalogue and units are stamped once a day; the live KPIs every minute. */
const MIDNIGHT = '2026-11-22T00:00:00+07:00';
const LIVE = '2026-11-22T09:58:00+07:00';

describe('a panel state: as of its figures, not of the lists it looks names up in', () => {
  it('shows a live panel as of its live feed, though the catalogue and units it uses date from midnight', () => {
    const state = panelState(view(LIVE), view(MIDNIGHT), view(MIDNIGHT));
    expect(state).toEqual({ status: 'ready', asOf: LIVE, error: null, rejected: 0, cached: false });
  });

  it('shows the oldest as-of among the feeds its figures come from, and none until all have one', () => {
    expect(panelState([view(LIVE), view(MIDNIGHT)]).asOf).toBe(MIDNIGHT);
    expect(panelState([view(LIVE), view(null)]).asOf).toBeNull();
  });

  it('still counts a reference feed for the status, the error, dropped rows and a cached copy', () => {
    const broken = view(MIDNIGHT, { status: 'stale', error: feedError('meta', 'http', 'HTTP 503', { status: 503 }) });
    expect(panelState(view(LIVE), broken)).toMatchObject({ status: 'stale', asOf: LIVE, error: { feed: 'meta', status: 503 } });
    expect(panelState(view(LIVE), view(null))).toMatchObject({ status: 'loading', asOf: LIVE });
    const dropped = view(MIDNIGHT, { rejected: [{ index: 3, reason: 'no code' }], cached: true });
    expect(panelState(view(LIVE, { rejected: [{ index: 1, reason: 'no value' }] }), dropped)).toMatchObject({ rejected: 2, cached: true, asOf: LIVE });
  });

  it('names its own feed first when both its figures and a reference feed failed', () => {
    const own = view(null, { status: 'error', error: feedError('service-kpis', 'timeout', 'timed out') });
    const ref = view(null, { status: 'error', error: feedError('units', 'network', 'unreachable') });
    expect(panelState(own, ref).error?.feed).toBe('service-kpis');
  });

  it('adds the outlines to a map panel without moving the as-of of its figures', () => {
    const figures = panelState(view(LIVE));
    expect(withReference(figures, view(MIDNIGHT))).toEqual(figures);
    expect(withReference(figures, view(null))).toMatchObject({ status: 'loading', asOf: LIVE });
  });
});
