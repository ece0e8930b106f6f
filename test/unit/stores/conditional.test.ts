import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toVnIso } from '../../../src/domain/time';
import { settle, startApp, useLiveFeed } from './liveFeedApi';

const feed = useLiveFeed();
const T0 = Date.parse('2026-11-21T09:00:00+07:00');
let apps: ReturnType<typeof startApp>[] = [];
const start = () => {
  const app = startApp(60);
  apps.push(app);
  return app;
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});

afterEach(() => {
  for (const app of apps) app.stop();
  apps = [];
  vi.useRealTimers();
});

describe('conditional requests: the feed sends only what changed', () => {
  it('asks without If-None-Match first, then with the ETag of the last good answer', async () => {
    const app = start();
    const { view } = app.open();
    await settle();
    expect(view.value.status).toBe('ready');

    await vi.advanceTimersByTimeAsync(60_000);
    await app.store.cache.refreshDue(0);
    feed.etag = '"v2"';
    await app.store.cache.refreshDue(0);
    await app.store.cache.refreshDue(0);

    expect(feed.requests.map((r) => r.ifNoneMatch)).toEqual([null, '"v1"', '"v1"', '"v2"']);
  });

  it('keeps the very same data on a 304, ready again, with the as-of moved to now in Vietnam time', async () => {
    const app = start();
    const { view } = app.open();
    await settle();
    const first = view.value.data;
    const firstAsOf = view.value.asOf;
    expect(first).not.toBeNull();

    // A failed attempt in between: the data is kept, marked out of date.
    await vi.advanceTimersByTimeAsync(30_000);
    feed.state = 'down';
    await app.store.cache.refreshDue(0);
    expect(view.value).toMatchObject({ status: 'stale', error: { kind: 'network' } });

    await vi.advanceTimersByTimeAsync(30_000);
    feed.state = 'up';
    await app.store.cache.refreshDue(0);
    expect(feed.requests.at(-1)?.ifNoneMatch).toBe('"v1"');
    expect(view.value.data).toBe(first);
    expect(view.value).toMatchObject({ status: 'ready', error: null, cached: false });
    expect(view.value.asOf).toBe(toVnIso(new Date(Date.now())));
    expect(view.value.asOf).toMatch(/\+07:00$/);
    expect(view.value.asOf).not.toBe(firstAsOf);
  });

  it('revalidates the copy kept on this device after a reload, and a 304 confirms it', async () => {
    const before = start();
    const { view: shown } = before.open();
    await settle();
    const rows = shown.value.data;
    before.stop();
    apps = [];

    await vi.advanceTimersByTimeAsync(10 * 60_000);
    const after = start();
    const { view } = after.open();
    expect(view.value).toMatchObject({ cached: true, status: 'stale' });
    await settle();

    expect(feed.requests.map((r) => r.ifNoneMatch)).toEqual([null, '"v1"']);
    expect(view.value).toMatchObject({ status: 'ready', cached: false, error: null, data: rows });
    expect(view.value.asOf).toBe(toVnIso(new Date(Date.now())));
  });

  it('probes a failing feed with one conditional request, no retries, and its 304 makes the panel current again', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const app = startApp(60, 2);
    apps.push(app);
    const { view } = app.open();
    await settle();
    const rows = view.value.data;
    feed.state = 'failing';
    void app.store.cache.refreshDue(0);
    // The first failure of a resource gets its retries (three requests, within 150 ms), each with the ETag held.
    await vi.advanceTimersByTimeAsync(200);
    await settle();
    expect(view.value).toMatchObject({ status: 'stale', error: { status: 503 } });
    expect(feed.requests).toHaveLength(1 + 3);

    // The probe, half of the first 5 s step after the failure: one request.
    feed.state = 'up';
    await vi.advanceTimersByTimeAsync(2_500);
    await settle();
    expect(feed.requests).toHaveLength(1 + 3 + 1);
    expect(feed.requests.map((r) => r.ifNoneMatch)).toEqual([null, '"v1"', '"v1"', '"v1"', '"v1"']);
    expect(view.value).toMatchObject({ status: 'ready', error: null, data: rows });
  });

  it('calls a 304 for a query it holds no data for an HTTP error that says so', async () => {
    feed.state = 'always-304';
    const app = start();
    const { view } = app.open();
    await settle();
    expect(feed.requests.map((r) => r.ifNoneMatch)).toEqual([null]);
    expect(view.value.status).toBe('error');
    expect(view.value.data).toBeNull();
    expect(view.value.error).toMatchObject({ feed: 'service-kpis', kind: 'http', status: 304 });
    expect(view.value.error?.message).toContain('304 Not Modified');
  });
});
