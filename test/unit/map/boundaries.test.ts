// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { createPinia, setActivePinia } from 'pinia';
import { effectScope } from 'vue';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useSampleApi, SAMPLE_API_ORIGIN } from '../../support/msw';
import { parseConfig } from '../../../src/config/load';
import { createFeedContext } from '../../../src/config/feedContext';
import type { AppConfig } from '../../../src/config/schema';
import { loadBoundaries, boundariesUrl } from '../../../src/feeds/boundaries';
import { useRuntimeStore } from '../../../src/stores/runtime';
import { useBoundariesStore } from '../../../src/stores/boundaries';
import { useGeographyStore } from '../../../src/stores/geography';

const api = useSampleApi();
const GEO = { url: 'boundaries?level={level}', codeProperty: 'code' };

function config(geo: AppConfig['geo'] = GEO): AppConfig {
  const raw = JSON.parse(readFileSync(resolve(process.cwd(), 'public/config.json'), 'utf8'));
  raw.request = { timeoutMs: 2000, retries: 0, retryBaseMs: 50 };
  raw.geo = geo;
  return parseConfig(raw);
}

const context = () => createFeedContext(config(), `${SAMPLE_API_ORIGIN}/`);

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]],
});

/** Answers the boundaries route with a body of our own. */
function serve(body: unknown, contentType = 'application/geo+json') {
  api.server.use(
    http.get(`${SAMPLE_API_ORIGIN}/api/v1/boundaries`, () =>
      new HttpResponse(typeof body === 'string' ? body : JSON.stringify(body), { headers: { 'Content-Type': contentType } }),
    ),
  );
}

function until(check: () => boolean, timeout = 3000): Promise<void> {
  const start = Date.now();
  return new Promise((done, fail) => {
    const tick = () => {
      if (check()) return done();
      if (Date.now() - start > timeout) return fail(new Error('condition not met in time'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

describe('boundaries feed over the sample API', () => {
  it.each(['district', 'commune', 'province'])('gives one outline per %s of the unit table, keyed by unit code', async (level) => {
    const result = await loadBoundaries(context(), GEO, level);
    expect(result.ok).toBe(true);
    if (!result.ok || result.notModified) return;
    const units = api.province.units.filter((u) => u.level === level);
    expect(result.data.level).toBe(level);
    expect(result.data.features.map((f) => f.code)).toEqual(units.map((u) => u.code));
    expect(result.data.features.map((f) => f.name)).toEqual(units.map((u) => u.name));
    expect(result.rejected).toEqual([]);
    expect(result.sample).toBe(true);
    expect(result.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    for (const f of result.data.features) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
  });

  it('keeps holes and multipolygons as they came', async () => {
    const result = await loadBoundaries(context(), GEO, 'commune');
    if (!result.ok) throw new Error(result.error.message);
    if (result.notModified) throw new Error('a request that named no copy was answered "not modified"');
    const source = api.province.boundaries.commune ?? [];
    const rings = (g: (typeof source)[number]['geometry']) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
    expect(source.some((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
    expect(source.some((f) => rings(f.geometry).some((polygon) => polygon.length > 1))).toBe(true);
    expect(result.data.features.map((f) => f.geometry)).toEqual(source.map((f) => f.geometry));
  });

  it('leaves out and counts a feature without a unit code and a second outline of the same unit', async () => {
    serve({
      type: 'FeatureCollection',
      asOf: '2026-11-21T09:30:00+07:00',
      sample: false,
      features: [
        { type: 'Feature', properties: { code: 'A', name: 'Xã A' }, geometry: square(0, 0) },
        { type: 'Feature', properties: { name: 'Không mã' }, geometry: square(1, 0) },
        { type: 'Feature', properties: { code: 'A', name: 'Xã A lần hai' }, geometry: square(2, 0) },
        { type: 'Feature', properties: { code: 'B' }, geometry: { type: 'Point', coordinates: [0, 0] } },
        { type: 'Feature', properties: { code: 'C' }, geometry: square(3, 0) },
      ],
    });
    const result = await loadBoundaries(context(), GEO, 'commune');
    if (!result.ok) throw new Error(result.error.message);
    if (result.notModified) throw new Error('a request that named no copy was answered "not modified"');
    expect(result.data.features.map((f) => f.code)).toEqual(['A', 'C']);
    expect(result.data.features[0]?.name).toBe('Xã A');
    expect(result.data.features[1]).not.toHaveProperty('name');
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(result.rejected[0]?.reason).toContain('properties.code');
    expect(result.rejected[1]?.reason).toContain('unit A');
    expect(result.rejected[2]?.reason).toContain('geometry');
  });

  it('reads the unit code from the configured property, as text or as a number', async () => {
    serve({
      type: 'FeatureCollection',
      asOf: '2026-11-21T09:30:00+07:00',
      sample: false,
      features: [
        { type: 'Feature', properties: { ma_xa: ' 25501 ', name: 'Xã Một' }, geometry: square(0, 0) },
        { type: 'Feature', properties: { ma_xa: 25502 }, geometry: square(1, 0) },
        { type: 'Feature', properties: { ma_xa: 25.5 }, geometry: square(2, 0) },
        { type: 'Feature', properties: null, geometry: square(3, 0) },
      ],
    });
    const geo = { url: 'boundaries?level={level}', codeProperty: 'ma_xa' };
    const result = await loadBoundaries(context(), geo, 'commune');
    if (!result.ok) throw new Error(result.error.message);
    if (result.notModified) throw new Error('a request that named no copy was answered "not modified"');
    expect(result.data.features.map((f) => f.code)).toEqual(['25501', '25502']);
    expect(result.rejected).toEqual([
      { index: 2, reason: 'properties.ma_xa: 25.5 is not a unit code' },
      { index: 3, reason: 'properties.ma_xa: no unit code' },
    ]);
  });

  it('brings a code the file holds as a number back to the unit table\'s form, and keeps one that names no unit as written', async () => {
    serve({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { MA: 1234, TEN: 'Phường Một' }, geometry: square(0, 0) },
        { type: 'Feature', properties: { MA: '01237' }, geometry: square(1, 0) },
        { type: 'Feature', properties: { MA: 9999 }, geometry: square(2, 0) },
        { type: 'Feature', properties: { MA: '1237' }, geometry: square(3, 0) },
      ],
    });
    const knownCodes = new Set(['01234', '01237', '01240']);
    const result = await loadBoundaries(context(), { url: 'boundaries?level={level}', codeProperty: 'MA' }, 'commune', {}, { knownCodes });
    if (!result.ok) throw new Error(result.error.message);
    if (result.notModified) throw new Error('a request that named no copy was answered "not modified"');
    expect(result.data.features.map((f) => f.code)).toEqual(['01234', '01237', '9999']);
    expect(result.rejected).toEqual([{ index: 3, reason: 'unit 01237 has a second outline' }]);
  });

  it('reads an absolute URL with the level filled in', async () => {
    let asked = '';
    api.server.use(
      http.get(`${SAMPLE_API_ORIGIN}/geo/:file`, ({ request }) => {
        asked = request.url;
        return HttpResponse.json({ type: 'FeatureCollection', asOf: '2026-11-21T09:30:00+07:00', sample: false, features: [] });
      }),
    );
    const result = await loadBoundaries(context(), { url: `${SAMPLE_API_ORIGIN}/geo/{level}.geojson`, codeProperty: 'code' }, 'commune');
    expect(result.ok).toBe(true);
    expect(asked).toBe(`${SAMPLE_API_ORIGIN}/geo/commune.geojson`);
    expect(boundariesUrl('b?level={level}', 'a b')).toBe('b?level=a%20b');
  });

  it('calls a body that is not a FeatureCollection a schema error naming the field', async () => {
    serve({ asOf: '2026-11-21T09:30:00+07:00', sample: false, data: { features: [] } }, 'application/json');
    const result = await loadBoundaries(context(), GEO, 'commune');
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ feed: 'boundaries', kind: 'schema', field: 'type' }) });
  });

  it('takes a plain FeatureCollection, as a land office exports it, as current from its Last-Modified header', async () => {
    api.server.use(
      http.get(`${SAMPLE_API_ORIGIN}/geo/:file`, () =>
        HttpResponse.json(
          { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '99003' }, geometry: square(0, 0) }] },
          { headers: { 'Last-Modified': 'Tue, 03 Nov 2026 02:00:00 GMT' } },
        ),
      ),
    );
    const geo = { url: `${SAMPLE_API_ORIGIN}/geo/{level}.geojson`, codeProperty: 'code' };
    const result = await loadBoundaries(context(), geo, 'commune', {}, { now: () => Date.parse('2026-12-01T00:00:00Z') });
    if (!result.ok) throw new Error(result.error.message);
    if (result.notModified) throw new Error('a request that named no copy was answered "not modified"');
    expect(result.asOf).toBe('2026-11-03T09:00:00+07:00');
    expect(result.sample).toBe(false);
    expect(result.data.features.map((f) => f.code)).toEqual(['99003']);
  });

  it('takes a plain FeatureCollection without Last-Modified as current when it was fetched', async () => {
    serve({ type: 'FeatureCollection', features: [] });
    const result = await loadBoundaries(context(), GEO, 'commune', {}, { now: () => Date.parse('2026-12-01T03:04:05Z') });
    expect(result).toEqual(expect.objectContaining({ ok: true, asOf: '2026-12-01T10:04:05+07:00', sample: false }));
  });

  it('still checks an asOf the file states', async () => {
    serve({ type: 'FeatureCollection', asOf: 'yesterday', features: [] });
    const result = await loadBoundaries(context(), GEO, 'commune');
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ feed: 'boundaries', kind: 'schema', field: 'asOf' }) });
  });

  it('leaves out the outlines the sample\'s wrong-type fault breaks, and keeps the rest', async () => {
    api.faults.set('boundaries', { drift: 'wrong-type' });
    const result = await loadBoundaries(context(), GEO, 'district');
    api.faults.heal();
    if (!result.ok) throw new Error(result.error.message);
    if (result.notModified) throw new Error('a request that named no copy was answered "not modified"');
    const districts = api.province.units.filter((u) => u.level === 'district');
    expect(result.rejected.length).toBeGreaterThan(0);
    expect(result.rejected[0]?.reason).toMatch(/^properties\.code: \[".+"\] is not a unit code$/);
    expect(result.data.features.length + result.rejected.length).toBe(districts.length);
  });

  it('names the feed when the API fails or answers with a web page', async () => {
    api.faults.set('boundaries', { status: 503 });
    const failed = await loadBoundaries(context(), GEO, 'commune');
    expect(failed).toEqual({ ok: false, error: expect.objectContaining({ feed: 'boundaries', kind: 'http', status: 503 }) });
    api.faults.heal();
    serve('<!doctype html><title>Portal</title>', 'text/html');
    const html = await loadBoundaries(context(), GEO, 'commune');
    expect(html).toEqual({ ok: false, error: expect.objectContaining({ feed: 'boundaries', kind: 'not-json' }) });
  });
});

describe('boundaries store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('shows a level\'s outlines, one request per level however many views show it', async () => {
    const cfg = config();
    useRuntimeStore().init(cfg, createFeedContext(cfg, `${SAMPLE_API_ORIGIN}/`));
    let requests = 0;
    const count = () => requests++;
    api.server.events.on('request:start', count);
    const store = useBoundariesStore();
    const scope = effectScope();
    const [a, b] = scope.run(() => [store.use('district'), store.use(() => 'district')])!;
    await until(() => a!.value.status === 'ready');
    api.server.events.removeListener('request:start', count);
    expect(requests).toBe(1);
    expect(b!.value.data).toBe(a!.value.data);
    expect(a!.value.data?.features.map((f) => f.code)).toEqual(api.province.units.filter((u) => u.level === 'district').map((u) => u.code));
    expect(a!.value.asOf).not.toBeNull();
    scope.stop();
  });

  it('joins a file\'s numeric codes to the unit table, an outline that names no unit kept for the coverage report', async () => {
    const cfg = config();
    useRuntimeStore().init(cfg, createFeedContext(cfg, `${SAMPLE_API_ORIGIN}/`));
    const districts = api.province.units.filter((u) => u.level === 'district');
    serve({
      type: 'FeatureCollection',
      features: [
        ...districts.map((u, i) => ({ type: 'Feature', properties: { code: Number(u.code) }, geometry: square(i, 0) })),
        { type: 'Feature', properties: { code: 123456 }, geometry: square(-1, 0) },
      ],
    });
    useGeographyStore().start();
    const scope = effectScope();
    const view = scope.run(() => useBoundariesStore().use('district'))!;
    await until(() => view.value.status === 'ready');
    expect(view.value.data?.features.map((f) => f.code)).toEqual([...districts.map((u) => u.code), '123456']);
    expect(view.value.rejected).toEqual([]);
    scope.stop();
  });

  it('is ready with no outlines and asks for nothing when config has no geo source', async () => {
    const cfg = config(null);
    useRuntimeStore().init(cfg, createFeedContext(cfg, `${SAMPLE_API_ORIGIN}/`));
    let requests = 0;
    const count = () => requests++;
    api.server.events.on('request:start', count);
    const scope = effectScope();
    const view = scope.run(() => useBoundariesStore().use('commune'))!;
    await new Promise((r) => setTimeout(r, 50));
    api.server.events.removeListener('request:start', count);
    expect(view.value).toEqual({ status: 'ready', data: null, asOf: null, sample: false, cached: false, error: null, rejected: [] });
    expect(requests).toBe(0);
    scope.stop();
  });

  it('shows nothing yet for a null level', () => {
    const cfg = config();
    useRuntimeStore().init(cfg, createFeedContext(cfg, `${SAMPLE_API_ORIGIN}/`));
    const scope = effectScope();
    const view = scope.run(() => useBoundariesStore().use(null))!;
    expect(view.value.status).toBe('idle');
    expect(view.value.data).toBeNull();
    scope.stop();
  });
});
