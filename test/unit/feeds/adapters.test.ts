// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createFeedContext } from '../../../src/config/feedContext';
import { parseConfig } from '../../../src/config/load';
import { loadObservations } from '../../../src/feeds/observations';
import { loadMeta } from '../../../src/feeds/meta';
import { loadServiceKpis } from '../../../src/feeds/serviceKpis';
import type { Indicator } from '../../../src/contract';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const base = 'http://feeds.test/api/v1';
const raw = JSON.parse(readFileSync(resolve(process.cwd(), 'public/config.json'), 'utf8'));
raw.request = { timeoutMs: 1000, retries: 1, retryBaseMs: 50 };
const config = parseConfig(raw);
const ctx = createFeedContext(config, 'http://feeds.test/');

const par: Indicator = {
  id: 'par',
  kind: 'annual-index',
  name: 'Chỉ số cải cách hành chính',
  shortName: 'PAR INDEX',
  scale: { min: 0, max: 100, unit: 'points', decimals: 2 },
  direction: 'higher-is-better',
  cadence: 'P1Y',
  components: [{ id: 'procedures', name: 'Thủ tục hành chính', max: 14.5 }],
  breaks: [],
  levels: ['province', 'district'],
};
const asOf = '2026-11-21T09:00:00+07:00';
const row = (over: Record<string, unknown> = {}) => ({ indicator: 'par', unit: '991', level: 'district', period: 2024, value: 88.1, rank: 1, rankOf: 9, components: { procedures: 12 }, ...over });

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function answer(body: Record<string, unknown>, init?: ResponseInit) {
  server.use(http.get(`${base}/observations`, () => HttpResponse.json(body, init)));
}

describe('observations adapter', () => {
  it('turns valid rows into observations with the as-of', async () => {
    answer({ asOf, sample: true, data: { rows: [row()] } });
    const result = await loadObservations(ctx, { indicator: ['par'], period: [2024] }, [par], null);
    expect(result).toMatchObject({ ok: true, asOf, sample: true, rejected: [] });
    if (result.ok && !result.notModified) expect(result.data[0]).toEqual({ indicator: 'par', unit: '991', level: 'district', period: 2024, value: 88.1, rank: 1, rankOf: 9, components: { procedures: 12 } });
  });

  it('quarantines bad rows and keeps the good ones', async () => {
    answer({
      asOf,
      sample: false,
      data: {
        rows: [
          row(),
          row({ unit: '992', value: 'high' }),
          row({ unit: '993', value: 120 }),
          row({ unit: '994', indicator: 'happiness' }),
          row({ unit: '995', period: 2019 }),
          row(),
          row({ unit: '996', components: { procedures: 20 } }),
          row({ unit: '00000' }),
        ],
      },
    });
    const units = new Set(['991', '992', '993', '994', '995', '996']);
    const result = await loadObservations(ctx, { indicator: ['par'], period: [2024] }, [par], units);
    expect(result.ok).toBe(true);
    if (!result.ok || result.notModified) return;
    expect(result.data.map((o) => o.unit)).toEqual(['991']);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result.rejected[6]?.reason).toBe('unit 00000 is not in the unit table');
    expect(result.rejected[0]?.reason).toContain('value');
    expect(result.rejected[1]?.reason).toContain('outside 0–100');
    expect(result.rejected[2]?.reason).toContain('unknown indicator');
    expect(result.rejected[3]?.reason).toContain('not asked for');
    expect(result.rejected[4]?.reason).toContain('second row');
  });

  it('gives the ETag of an answer, and takes a 304 to the copy it names as "not modified" without parsing anything', async () => {
    server.use(
      http.get(`${base}/observations`, ({ request }) =>
        request.headers.get('If-None-Match') === '"obs-1"'
          ? new HttpResponse(null, { status: 304, headers: { ETag: '"obs-1"', 'Content-Type': 'text/html' } })
          : HttpResponse.json({ asOf, sample: true, data: { rows: [row()] } }, { headers: { ETag: '"obs-1"' } }),
      ),
    );
    const fresh = await loadObservations(ctx, {}, [par], null);
    expect(fresh).toMatchObject({ ok: true, etag: '"obs-1"', rejected: [] });
    const again = await loadObservations(ctx, {}, [par], null, { etag: '"obs-1"' });
    expect(again).toEqual({ ok: true, notModified: true, etag: '"obs-1"' });
  });

  it('calls a 304 to a request that named no copy an HTTP error', async () => {
    server.use(http.get(`${base}/observations`, () => new HttpResponse(null, { status: 304 })));
    const result = await loadObservations(ctx, {}, [par], null);
    expect(result).toMatchObject({ ok: false, error: { feed: 'observations', kind: 'http', status: 304 } });
  });

  it('names the field when the envelope is wrong', async () => {
    answer({ asOf: 'yesterday', sample: true, data: { rows: [] } });
    const result = await loadObservations(ctx, {}, [par], null);
    expect(result).toMatchObject({ ok: false, error: { feed: 'observations', kind: 'schema', field: 'asOf' } });
  });

  it('tells malformed JSON and an HTML page apart', async () => {
    server.use(http.get(`${base}/observations`, () => new HttpResponse('{"asOf": "2026-', { headers: { 'Content-Type': 'application/json' } })));
    expect(await loadObservations(ctx, {}, [par], null)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    server.use(http.get(`${base}/observations`, () => HttpResponse.html('<html><body>Gateway</body></html>')));
    expect(await loadObservations(ctx, {}, [par], null)).toMatchObject({ ok: false, error: { kind: 'not-json' } });
  });

  it('reports an HTTP failure with its status after retrying', async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/observations`, () => {
        calls++;
        return HttpResponse.json({ type: 'about:blank', title: 'Service Unavailable', status: 503 }, { status: 503 });
      }),
    );
    const result = await loadObservations(ctx, {}, [par], null);
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 503 } });
    expect(calls).toBe(2);
  });

  it('does not retry a feed that is still down: a dead feed costs one request per refresh', async () => {
    const dead = createFeedContext(config, 'http://feeds.test/');
    let calls = 0;
    server.use(
      http.get(`${base}/observations`, () => {
        calls++;
        return HttpResponse.json({ type: 'about:blank', title: 'Bad Gateway', status: 502 }, { status: 502 });
      }),
    );
    await loadObservations(dead, {}, [par], null);
    expect(calls).toBe(2);
    await loadObservations(dead, {}, [par], null);
    await loadObservations(dead, {}, [par], null);
    expect(calls).toBe(4);
    server.use(http.get(`${base}/observations`, () => HttpResponse.json({ asOf, sample: true, data: { rows: [] } })));
    expect((await loadObservations(dead, {}, [par], null)).ok).toBe(true);
  });

  it('cuts off an answer larger than the configured limit instead of swallowing it', async () => {
    const small = createFeedContext(parseConfig({ ...raw, request: { ...raw.request, maxBytes: 20_000 } }), 'http://feeds.test/');
    answer({ asOf, sample: true, data: { rows: [] }, padding: 'x'.repeat(50_000) });
    expect(await loadObservations(small, {}, [par], null)).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });

  it('sends the filters as comma-separated query parameters', async () => {
    let url = '';
    server.use(
      http.get(`${base}/observations`, ({ request }) => {
        url = request.url;
        return HttpResponse.json({ asOf, sample: true, data: { rows: [] } });
      }),
    );
    await loadObservations(ctx, { indicator: ['par', 'pci'], period: [2023, 2024], level: 'district' }, [par], null);
    const params = new URL(url).searchParams;
    expect(params.get('indicator')).toBe('par,pci');
    expect(params.get('period')).toBe('2023,2024');
    expect(params.get('level')).toBe('district');
  });
});

describe('auth header', () => {
  it('is sent to the API origin and nowhere else', async () => {
    const authed = createFeedContext(parseConfig({ ...raw, auth: { header: 'Authorization', value: 'Bearer t0ken' } }), 'http://feeds.test/');
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${base}/meta`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json({}, { status: 500 });
      }),
      http.get('http://elsewhere.test/x', ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json({});
      }),
    );
    await loadMeta(authed);
    await authed.client.get('http://elsewhere.test/x').catch(() => undefined);
    expect(seen[0]).toBe('Bearer t0ken');
    expect(seen.at(-1)).toBeNull();
  });
});

describe('service KPI adapter', () => {
  it('rejects rows for units not in the unit table and rows that contradict themselves', async () => {
    const snap = (unit: string, counts: Record<string, number>) => ({
      unit,
      level: 'commune',
      day: '2026-11-21',
      at: asOf,
      counts: { received: 10, resolved: 8, resolvedOnTime: 8, pending: 2, overdue: 0, ...counts },
      rates: { 'on-time': 100 },
    });
    server.use(
      http.get(`${base}/service-kpis`, () =>
        HttpResponse.json({ asOf, sample: true, data: { rows: [snap('99001', {}), snap('12345', {}), snap('99002', { resolvedOnTime: 9 }), snap('99003', { overdue: 3 })] } }),
      ),
    );
    const result = await loadServiceKpis(ctx, {}, new Set(['99001', '99002', '99003']));
    expect(result.ok && !result.notModified && result.data.map((r) => r.unit)).toEqual(['99001']);
    expect(result.ok && !result.notModified && result.rejected.map((r) => r.reason)).toEqual([
      'unit 12345 is not in the unit table',
      '99002: more resolved on time than resolved',
      '99003: more overdue than pending',
    ]);
  });
});
