// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateProvince } from '../../../mocks/generator';
import { createFaultRegistry, createRequestCounter } from '../../../mocks/handlers';
import { createAppServer } from '../../../mocks/server/app';
import { cacheSecondsOf, createCachingProxy, feedApiValidSeconds, type ProxyStats } from '../../../loadtest/proxy/cache';
import { FEED_API_CONF, nginxConf } from '../../../loadtest/nginx';
import { BOUNDARIES_REFRESH_SECONDS, cadenceSeconds, requestsPerScreenHour, WALL_QUERIES } from '../../../loadtest/queries';
import { BOUNDARIES_REFRESH_SECONDS as APP_BOUNDARIES_REFRESH_SECONDS } from '../../../src/stores/boundaries';

// The sample server in this process, and the load test's caching proxy in front of it with a clock the tests move.
const faults = createFaultRegistry();
const requests = createRequestCounter();
let clock = 0;
let dist: string;
let upstream: Server;
let proxy: Server;
let stats: () => ProxyStats;
let origin: string;

const listen = (server: Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'ioc-proxy-test-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>IOC</title>');
  upstream = createAppServer({ distDir: dist, province: generateProvince({ seed: 9, communes: 20 }), faults, requests });
  const made = createCachingProxy({ upstream: await listen(upstream), validSeconds: feedApiValidSeconds, now: () => clock });
  proxy = made.server;
  stats = made.stats;
  origin = await listen(proxy);
});

afterAll(async () => {
  for (const server of [proxy, upstream]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  rmSync(dist, { recursive: true, force: true });
});

beforeEach(() => {
  requests.reset();
  faults.heal();
});

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; cache: string | null; etag: string | null; text: string }> {
  const response = await fetch(`${origin}${path}`, { headers });
  return { status: response.status, cache: response.headers.get('x-cache-status'), etag: response.headers.get('etag'), text: await response.text() };
}

const upstreamCount = (feed: 'meta' | 'observations' | 'national' | 'events' | 'units' | 'indicators') => requests.read().counts[feed];

describe('the load test’s caching proxy (as the README’s nginx example)', () => {
  it('keeps a URL: MISS, then HIT with the same body and tag, one request upstream', async () => {
    const first = await get('/api/v1/meta');
    const again = await get('/api/v1/meta');
    expect([first.status, first.cache, again.status, again.cache]).toEqual([200, 'MISS', 200, 'HIT']);
    expect(again.text).toBe(first.text);
    expect(again.etag).toBe(first.etag);
    expect(upstreamCount('meta')).toBe(1);
  });

  it('answers 304 itself to a client whose If-None-Match names the entry', async () => {
    const first = await get('/api/v1/units');
    const again = await get('/api/v1/units', { 'If-None-Match': first.etag ?? '' });
    expect([again.status, again.cache, again.text]).toEqual([304, 'HIT', '']);
    expect(again.etag).toBe(first.etag);
    expect(upstreamCount('units')).toBe(1);
  });

  it('sends one request upstream for many concurrent misses of one URL (the lock)', async () => {
    const answers = await Promise.all(Array.from({ length: 25 }, () => get('/api/v1/national?indicator=pci&period=2025')));
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(upstreamCount('national')).toBe(1);
  });

  it('serves an expired entry at once and revalidates it upstream with its ETag: a 304 renews it', async () => {
    const first = await get('/api/v1/observations?level=province');
    clock += 901_000; // past max-age=900
    const stale = await get('/api/v1/observations?level=province');
    expect([stale.status, stale.cache]).toEqual([200, 'STALE']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests.read().notModified.observations).toBe(1);
    const renewed = await get('/api/v1/observations?level=province');
    expect([renewed.cache, renewed.text]).toEqual(['HIT', first.text]);
    expect(upstreamCount('observations')).toBe(2);
  });

  it('keeps serving the last good answer when upstream fails (use_stale), and never keeps a fault answer', async () => {
    await get('/api/v1/indicators');
    clock += 3_601_000;
    faults.set('indicators', { status: 503 });
    const stale = await get('/api/v1/indicators');
    expect([stale.status, stale.cache]).toEqual([200, 'STALE']);
    faults.set('events', { status: 503 });
    const failed = await get('/api/v1/events');
    const failedAgain = await get('/api/v1/events');
    expect([failed.status, failedAgain.status]).toEqual([503, 503]);
    expect(upstreamCount('events')).toBe(2);
  });

  it('never shares an answer asked with a token (BYPASS)', async () => {
    const one = await get('/api/v1/national?indicator=dti', { Authorization: 'Bearer a' });
    const two = await get('/api/v1/national?indicator=dti', { Authorization: 'Bearer a' });
    expect([one.cache, two.cache]).toEqual(['BYPASS', 'BYPASS']);
    expect(upstreamCount('national')).toBe(2);
    expect(stats().clients.BYPASS).toBeGreaterThanOrEqual(2);
  });

  it('reads Cache-Control as nginx does, and has the example’s location times', () => {
    expect(cacheSecondsOf('max-age=60')).toBe(60);
    expect(cacheSecondsOf('public, s-maxage=30, max-age=60')).toBe(30);
    expect(cacheSecondsOf('no-store')).toBe(0);
    expect(cacheSecondsOf('no-store, no-transform')).toBe(0);
    expect(cacheSecondsOf('no-cache')).toBe(0);
    expect(cacheSecondsOf(undefined)).toBeNull();
    expect(['/api/v1/service-kpis', '/api/v1/observations', '/api/v1/units/001/series', '/api/v1/meta'].map(feedApiValidSeconds)).toEqual([60, 900, 900, 3600]);
  });
});

describe('the load test’s screens and nginx', () => {
  it('ask what a wall screen asked for, at the app’s cadences', () => {
    expect(WALL_QUERIES.map((query) => query.path)).toEqual([
      'meta',
      'units',
      'indicators',
      'boundaries?level=commune',
      'observations?level=province',
      ...['par', 'sipas', 'pci', 'papi', 'ict', 'dti'].map((id) => `observations?indicator=${id}`),
      ...['par', 'sipas', 'pci', 'papi', 'ict', 'dti'].map((id) => `national?indicator=${id}&period=2025`),
      'service-kpis',
      'service-kpis/closes',
      'units/99/service-history',
      'events',
    ]);
    expect(BOUNDARIES_REFRESH_SECONDS).toBe(APP_BOUNDARIES_REFRESH_SECONDS);
    expect(cadenceSeconds('service-kpis')).toBe(60);
    expect(cadenceSeconds('observations')).toBe(900);
    expect(cadenceSeconds('service-closes')).toBe(900);
    expect(requestsPerScreenHour()).toBeCloseTo(60 + 7 * 4 + 2 * 4 + 6 + 4 + 1 / 24, 6);
  });

  it('run nginx with the README’s example, word for word', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(FEED_API_CONF.trim());
    const conf = nginxConf('dist-loadtest/nginx', 8089, 'http://127.0.0.1:4173/');
    expect(conf).toContain('proxy_cache_path dist-loadtest/nginx/cache ');
    expect(conf).toContain('listen 127.0.0.1:8089;');
    expect(conf).not.toContain('data-platform.internal');
    expect(conf.match(/proxy_pass http:\/\/127\.0\.0\.1:4173;/g)).toHaveLength(4);
  });
});
