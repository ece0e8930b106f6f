// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEED_IDS, type FeedId } from '../../../src/contract/routes';
import { hashText } from '../../../src/sw/precache';
import { FEED_MAX_AGE_SECONDS } from '../../../mocks/handlers';
import { dailyLoadOf, etagOf, fnv1a64Hex, ifNoneMatchHits } from '../../../mocks/handlers/caching';
import { useSampleApi } from '../../support/msw';

// A clock the tests move: 2026-03-02 10:04:05 in Vietnam.
const START = Date.parse('2026-03-02T03:04:05.000Z');
let now = START;
const api = useSampleApi({ now: () => new Date(now) });
const REQUESTS = 'http://api.test/__mock/requests';

/** One query per feed, as a wall screen asks them. */
const QUERIES: Record<FeedId, string> = {
  meta: '/meta',
  units: '/units',
  indicators: '/indicators',
  observations: '/observations?level=province',
  series: `/units/${api.province.observations[0]?.unit ?? ''}/series`,
  national: '/national?indicator=par&period=2025',
  'service-kpis': '/service-kpis',
  'service-closes': '/service-kpis/closes',
  'service-history': `/units/${api.province.service[0]?.unit ?? ''}/service-history`,
  events: '/events',
  boundaries: '/boundaries?level=commune',
};

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${api.baseUrl}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function reset(): Promise<void> {
  await fetch(REQUESTS, { method: 'DELETE' });
}

async function counted(): Promise<{ counts: Record<string, number>; notModified: Record<string, number> }> {
  return (await (await fetch(REQUESTS)).json()) as { counts: Record<string, number>; notModified: Record<string, number> };
}

describe('FNV-1a 64', () => {
  it('gives the published test vectors', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(fnv1a64Hex(bytes(''))).toBe('cbf29ce484222325');
    expect(fnv1a64Hex(bytes('a'))).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Hex(bytes('foobar'))).toBe('85944171f73967e8');
  });

  it('agrees with the service worker’s BigInt version on ASCII text', () => {
    for (const text of ['{"asOf":"2026-03-02T00:00:00+07:00"}', 'x'.repeat(1000), 'IOC sample / 0123456789']) {
      expect(fnv1a64Hex(new TextEncoder().encode(text))).toBe(hashText(text));
    }
  });

  it('quotes the hash as a strong tag', () => {
    expect(etagOf(new Uint8Array())).toBe('"cbf29ce484222325"');
  });

  it('compares If-None-Match weakly, in lists and with *', () => {
    expect(ifNoneMatchHits('"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchHits('W/"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchHits('"x", W/"abc" ', '"abc"')).toBe(true);
    expect(ifNoneMatchHits('*', '"abc"')).toBe(true);
    expect(ifNoneMatchHits('"abcd"', '"abc"')).toBe(false);
    expect(ifNoneMatchHits(null, '"abc"')).toBe(false);
  });

  it('stamps the annual feeds with midnight in Vietnam, whatever the UTC date', () => {
    expect(dailyLoadOf(new Date('2026-03-02T03:04:05Z')).toISOString()).toBe('2026-03-01T17:00:00.000Z');
    expect(dailyLoadOf(new Date('2026-03-01T16:59:59Z')).toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(dailyLoadOf(new Date('2026-03-01T17:00:00Z')).toISOString()).toBe('2026-03-01T17:00:00.000Z');
  });
});

describe('conditional answers of the sample API', () => {
  it('keeps the cadences of public/config.json as max-age (service-kpis 60 s, observations, series and the service closes and history 900 s, the rest 3600 s)', () => {
    const config = JSON.parse(readFileSync(new URL('../../../public/config.json', import.meta.url), 'utf8')) as { feeds: Record<string, { refreshSeconds: number }> };
    for (const feed of FEED_IDS) {
      if (feed === 'boundaries') continue; // read through config.geo, not a feed of config.json
      expect(FEED_MAX_AGE_SECONDS[feed], feed).toBe(config.feeds[feed]?.refreshSeconds);
    }
    expect(FEED_MAX_AGE_SECONDS).toEqual({
      meta: 3600,
      units: 3600,
      indicators: 3600,
      observations: 900,
      series: 900,
      national: 3600,
      'service-kpis': 60,
      'service-closes': 900,
      'service-history': 900,
      events: 3600,
      boundaries: 3600,
    });
  });

  it.each(FEED_IDS.map((feed) => [feed]))('%s: a strong ETag of the body, the same for the same data, and max-age of its cadence', async (feed) => {
    now = START;
    const first = await get(QUERIES[feed]);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(etag).toBe(etagOf(new TextEncoder().encode(first.text)));
    expect(first.headers.get('cache-control')).toBe(`max-age=${FEED_MAX_AGE_SECONDS[feed]}`);
    // Later the same minute (and, for the annual feeds, the same day): the same bytes and the same tag.
    now = START + 50_000;
    const again = await get(QUERIES[feed]);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.text).toBe(first.text);
  });

  it.each(FEED_IDS.map((feed) => [feed]))('%s: 304 without a body when If-None-Match names the tag, with the tag and max-age', async (feed) => {
    now = START;
    await reset();
    const first = await get(QUERIES[feed]);
    const etag = first.headers.get('etag') ?? '';
    const again = await get(QUERIES[feed], { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe(`max-age=${FEED_MAX_AGE_SECONDS[feed]}`);
    // A weak form of the tag and a list work as well; another tag gets the whole answer.
    expect((await get(QUERIES[feed], { 'If-None-Match': `"0000000000000000", W/${etag}` })).status).toBe(304);
    const other = await get(QUERIES[feed], { 'If-None-Match': '"0000000000000000"' });
    expect(other.status).toBe(200);
    expect(other.text).toBe(first.text);
    const counts = await counted();
    expect(counts.counts[feed]).toBe(4);
    expect(counts.notModified[feed]).toBe(2);
  });

  it('gives the live KPIs a new body and a new tag once the minute changes, and the old tag gets a 200', async () => {
    now = START;
    const first = await get('/service-kpis');
    const etag = first.headers.get('etag') ?? '';
    expect((await get('/service-kpis', { 'If-None-Match': etag })).status).toBe(304);
    now = START + 60_000;
    const next = await get('/service-kpis', { 'If-None-Match': etag });
    expect(next.status).toBe(200);
    expect(next.headers.get('etag')).not.toBe(etag);
    expect((JSON.parse(next.text) as { asOf: string }).asOf).toBe('2026-03-02T10:05:00+07:00');
    expect((JSON.parse(first.text) as { asOf: string }).asOf).toBe('2026-03-02T10:04:00+07:00');
    // The annual feeds' data did not change in that minute: still a 304.
    now = START;
    const meta = await get('/meta');
    now = START + 60_000;
    expect((await get('/meta', { 'If-None-Match': meta.headers.get('etag') ?? '' })).status).toBe(304);
  });

  it('gives the annual feeds a new tag after midnight in Vietnam, when the day’s load stamps them again', async () => {
    now = START;
    const today = await get('/observations?level=province');
    now = Date.parse('2026-03-02T17:00:00Z'); // 2026-03-03 00:00 in Vietnam
    const tomorrow = await get('/observations?level=province', { 'If-None-Match': today.headers.get('etag') ?? '' });
    expect(tomorrow.status).toBe(200);
    expect((JSON.parse(tomorrow.text) as { asOf: string }).asOf).toBe('2026-03-03T00:00:00+07:00');
  });

  it('never answers 304 while a fault is on: the answer is no-store and carries no ETag', async () => {
    now = START;
    await reset();
    const healthy = await get('/observations?level=province');
    const etag = healthy.headers.get('etag') ?? '';
    for (const fault of [{ status: 503 }, { latencyMs: 1 }, { drift: 'missing-field' as const }, { empty: true }, { hugeBody: true }]) {
      api.faults.set('observations', fault);
      const answer = await get('/observations?level=province', { 'If-None-Match': etag });
      expect(answer.status, JSON.stringify(fault)).not.toBe(304);
      expect(answer.text.length, JSON.stringify(fault)).toBeGreaterThan(0);
      expect(answer.headers.get('cache-control'), JSON.stringify(fault)).toMatch(/^no-store\b/);
      expect(answer.headers.get('etag'), JSON.stringify(fault)).toBeNull();
    }
    api.faults.set('observations', { trickle: 200 });
    const trickle = await get('/observations?level=province', { 'If-None-Match': etag });
    expect(trickle.status).toBe(200);
    expect(trickle.headers.get('cache-control')).toBe('no-store, no-transform');
    api.faults.heal();
    expect((await get('/observations?level=province', { 'If-None-Match': etag })).status).toBe(304);
    const counts = await counted();
    expect(counts.counts.observations).toBe(8);
    expect(counts.notModified.observations).toBe(1);
  });

  it('does not cache problems: a bad query is a 400 with no-cache and no ETag', async () => {
    const bad = await get('/observations?period=last');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('cache-control')).toBe('no-cache');
    expect(bad.headers.get('etag')).toBeNull();
  });
});
