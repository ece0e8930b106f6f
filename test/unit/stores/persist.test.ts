import { describe, expect, it } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { BUDGET_CHARS, readCached, writeCached } from '../../../src/stores/persist';
import { createFeedCache } from '../../../src/stores/feedCache';
import { viewOf } from '../../../src/stores/feedView';
import { CONTRACT_VERSION } from '../../../src/contract/common';
import type { FeedResult } from '../../../src/feeds/result';

const asOf = '2026-11-21T09:00:00+07:00';
const now = Date.parse(asOf) + 30_000;

function cacheWith(results: FeedResult<number[]>[]) {
  const scope = effectScope();
  const cache = scope.run(() =>
    createFeedCache<string, number[]>({
      feed: 'observations',
      key: (q) => q,
      load: async () => results.shift() ?? { ok: false, error: { feed: 'observations', kind: 'network', message: 'API unreachable' } },
      refreshSeconds: () => 3600,
      now: () => now,
    }),
  )!;
  return { cache, scope };
}
const settle = async () => {
  for (let i = 0; i < 5; i++) await nextTick();
};

describe('last good data kept in the browser', () => {
  it('comes back after a reload, marked as cached and stale until the feed confirms it', async () => {
    const first = cacheWith([{ ok: true, data: [1, 2, 3], asOf, sample: true, rejected: [] }]);
    first.cache.acquire('par-2025');
    await settle();
    first.scope.stop();

    // A reload: a new cache, and the API unreachable.
    const second = cacheWith([]);
    second.cache.acquire('par-2025');
    await settle();
    const view = viewOf(second.cache.entries.get('par-2025') ?? null, now, 3600);
    expect(view).toMatchObject({ data: [1, 2, 3], cached: true, status: 'stale', asOf, error: { kind: 'network' } });
    second.scope.stop();
  });

  it('stops being marked cached when fresh data arrives', async () => {
    writeCached('observations', 'q', { data: [9], asOf, sample: false, savedAt: now });
    const { cache, scope } = cacheWith([{ ok: true, data: [10], asOf, sample: false, rejected: [] }]);
    cache.acquire('q');
    await settle();
    expect(viewOf(cache.entries.get('q') ?? null, now, 3600)).toMatchObject({ data: [10], cached: false, status: 'ready' });
    scope.stop();
  });

  it('is versioned by contract: copies written for another contract version are dropped', () => {
    localStorage.setItem('ioc.cache.v0.9.0.observations.q', JSON.stringify({ data: [1], asOf, sample: false, savedAt: 1 }));
    writeCached('observations', 'other', { data: [2], asOf, sample: false, savedAt: 2 });
    expect(localStorage.getItem('ioc.cache.v0.9.0.observations.q')).toBeNull();
    expect(localStorage.getItem(`ioc.cache.v${CONTRACT_VERSION}.observations.other`)).not.toBeNull();
  });

  it('stays within its budget, dropping the oldest copies first', () => {
    const big = 'x'.repeat(900_000);
    for (let i = 0; i < 6; i++) writeCached('observations', `k${i}`, { data: big, asOf, sample: false, savedAt: 1000 + i });
    const kept = [0, 1, 2, 3, 4, 5].filter((i) => readCached('observations', `k${i}`) !== null);
    expect(kept).toEqual([3, 4, 5]);
    let total = 0;
    for (let i = 0; i < localStorage.length; i++) total += localStorage.getItem(localStorage.key(i) ?? '')?.length ?? 0;
    expect(total).toBeLessThanOrEqual(BUDGET_CHARS);
  });
});

describe('answers that would wipe good data', () => {
  it('keeps the last good rows when the feed suddenly answers with none', async () => {
    const { cache, scope } = cacheWith([
      { ok: true, data: [1, 2], asOf, sample: false, rejected: [] },
      { ok: true, data: [], asOf, sample: false, rejected: [] },
    ]);
    cache.acquire('q');
    await settle();
    await cache.load('q');
    expect(viewOf(cache.entries.get('q') ?? null, now, 3600)).toMatchObject({ data: [1, 2], status: 'stale', error: { kind: 'empty' } });
    scope.stop();
  });

  it('treats an answer whose every row was rejected as a failure, with the first reason', async () => {
    const { cache, scope } = cacheWith([{ ok: true, data: [], asOf, sample: false, rejected: [{ index: 0, reason: 'period 2021 was not asked for' }] }]);
    cache.acquire('q');
    await settle();
    const view = viewOf(cache.entries.get('q') ?? null, now, 3600);
    expect(view.status).toBe('error');
    expect(view.error?.message).toContain('period 2021 was not asked for');
    scope.stop();
  });

  it('accepts an empty answer where there never were rows: nothing to show is not an error', async () => {
    const { cache, scope } = cacheWith([{ ok: true, data: [], asOf, sample: false, rejected: [] }]);
    cache.acquire('q');
    await settle();
    expect(viewOf(cache.entries.get('q') ?? null, now, 3600)).toMatchObject({ status: 'ready', data: [] });
    scope.stop();
  });
});
