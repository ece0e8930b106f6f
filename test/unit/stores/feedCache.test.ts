import { describe, expect, it } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { createFeedCache } from '../../../src/stores/feedCache';
import { viewOf } from '../../../src/stores/feedView';
import type { FeedResult } from '../../../src/feeds/result';

const asOf = '2026-11-21T09:00:00+07:00';
const now = Date.parse(asOf) + 30_000;
const ok = (data: number[]): FeedResult<number[]> => ({ ok: true, data, asOf, sample: true, rejected: [] });
const fail: FeedResult<number[]> = { ok: false, error: { feed: 'observations', kind: 'http', status: 503, message: 'HTTP 503' } };

function setup(results: FeedResult<number[]>[]) {
  const calls: { query: string; signal: AbortSignal }[] = [];
  const scope = effectScope();
  const cache = scope.run(() =>
    createFeedCache<string, number[]>({
      feed: 'observations',
      persist: false,
      key: (q) => q,
      load: async (query, { signal }) => {
        calls.push({ query, signal });
        await Promise.resolve();
        return results.shift() ?? ok([0]);
      },
      refreshSeconds: () => 3600,
      now: () => now,
    }),
  )!;
  return { cache, calls, scope };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await nextTick();
};

describe('feed cache shared by panels', () => {
  it('sends one request however many panels show the same query', async () => {
    const { cache, calls, scope } = setup([ok([1, 2])]);
    cache.acquire('a');
    cache.acquire('a');
    cache.acquire('a');
    await settle();
    expect(calls).toHaveLength(1);
    expect(cache.entries.get('a')?.data).toEqual([1, 2]);
    scope.stop();
  });

  it('keeps the last good data, marked stale, when a refresh fails, and recovers', async () => {
    const { cache, scope } = setup([ok([1]), fail, ok([2])]);
    cache.acquire('a');
    await settle();
    expect(viewOf(cache.entries.get('a') ?? null, now, 120).status).toBe('ready');
    await cache.load('a');
    const stale = viewOf(cache.entries.get('a') ?? null, now, 120);
    expect(stale).toMatchObject({ status: 'stale', data: [1], error: { status: 503 } });
    await cache.load('a');
    expect(viewOf(cache.entries.get('a') ?? null, now, 120)).toMatchObject({ status: 'ready', data: [2], error: null });
    scope.stop();
  });

  it('is an error with nothing to show when the first load fails', async () => {
    const { cache, scope } = setup([fail]);
    cache.acquire('a');
    await settle();
    expect(viewOf(cache.entries.get('a') ?? null, now, 120).status).toBe('error');
    scope.stop();
  });

  it('cancels a load nobody shows any more', async () => {
    const { cache, calls, scope } = setup([]);
    cache.acquire('a');
    cache.release('a');
    expect(calls[0]?.signal.aborted).toBe(true);
    scope.stop();
  });

  it('loads again when a view comes back to a query whose first load was cancelled', async () => {
    const { cache, calls, scope } = setup([ok([1]), ok([7])]);
    cache.acquire('a');
    cache.release('a');
    cache.acquire('a');
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(viewOf(cache.entries.get('a') ?? null, now, 120)).toMatchObject({ status: 'ready', data: [7] });
    scope.stop();
  });

  it('refreshes only the queries some panel still shows', async () => {
    const { cache, calls, scope } = setup([]);
    cache.acquire('shown');
    cache.acquire('gone');
    await settle();
    cache.release('gone');
    await cache.refreshDue(0);
    expect(calls.map((c) => c.query)).toEqual(['shown', 'gone', 'shown']);
    scope.stop();
  });

  it('keeps the same data object on "not modified", with the as-of moved to now in Vietnam time', async () => {
    const { cache, calls, scope } = setup([ok([1, 2]), { ok: true, notModified: true, etag: '"e1"' }]);
    cache.acquire('a');
    await settle();
    const first = cache.entries.get('a')?.data;
    await cache.refreshDue(0);
    const view = viewOf(cache.entries.get('a') ?? null, now, 120);
    expect(view.data).toBe(first);
    expect(view).toMatchObject({ status: 'ready', error: null, cached: false, asOf: '2026-11-21T09:00:30+07:00' });
    expect(calls).toHaveLength(2);
    scope.stop();
  });

  it('after a refused answer, lets "not modified" confirm the data held with its own dropped rows, not the refused ones', async () => {
    const refused: FeedResult<number[]> = { ok: true, data: [], asOf, sample: true, rejected: [{ index: 0, reason: 'period 2019 was not asked for' }] };
    const dropped = [{ index: 2, reason: 'unit X-1 is not in the unit table' }];
    const { cache, scope } = setup([{ ok: true, data: [1, 2], asOf, sample: true, rejected: dropped }, refused, { ok: true, notModified: true, etag: '"e1"' }]);
    cache.acquire('a');
    await settle();
    await cache.refreshDue(0);
    expect(viewOf(cache.entries.get('a') ?? null, now, 120)).toMatchObject({ status: 'stale', error: { kind: 'rejected' } });
    await cache.refreshDue(0);
    expect(viewOf(cache.entries.get('a') ?? null, now, 120)).toMatchObject({ status: 'ready', error: null, data: [1, 2], rejected: dropped });
    scope.stop();
  });

  it('calls "not modified" for a query it holds no data for an HTTP error that says so', async () => {
    const { cache, scope } = setup([{ ok: true, notModified: true, etag: '"e1"' }]);
    cache.acquire('a');
    await settle();
    const view = viewOf(cache.entries.get('a') ?? null, now, 120);
    expect(view).toMatchObject({ status: 'error', data: null, error: { kind: 'http', status: 304 } });
    expect(view.error?.message).toContain('no copy');
    scope.stop();
  });
});
