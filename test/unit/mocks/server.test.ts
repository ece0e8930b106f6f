// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as v from 'valibot';
import { Problem } from '../../../src/contract/common';
import { MetaResponse } from '../../../src/contract/meta';
import { ObservationsResponse } from '../../../src/contract/observations';
import { generateProvince } from '../../../mocks/generator';
import { createAppServer } from '../../../mocks/server/app';
import { CONTENT_SECURITY_POLICY } from '../../../mocks/server/csp';

const INDEX_HTML = `<!doctype html><html lang="vi"><head><title>IOC</title></head><body><div id="app"></div>${'<!-- padding -->'.repeat(100)}</body></html>`;
const ASSET_JS = `export const panels = [${Array.from({ length: 400 }, (_, i) => `"panel-${i}"`).join(',')}];\n`;
const CONFIG = { apiBaseUrl: '/api/v1' };

let root: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ioc-dist-'));
  const dist = join(root, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), INDEX_HTML);
  await writeFile(join(dist, 'config.json'), JSON.stringify(CONFIG));
  await writeFile(join(dist, 'assets', 'x-abc123.js'), ASSET_JS);
  await writeFile(join(root, 'secret.txt'), 'outside dist');
  server = createAppServer({ distDir: dist, province: generateProvince({ seed: 7 }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A plain HTTP request that neither adds Accept-Encoding nor decompresses, to see the bytes sent. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the built app', () => {
  it.each(['/', '/wall', '/unit/123', '/index/par?period=2024', '/compare?units=1,2'])('%s gets index.html, to be checked on every load', async (path) => {
    const response = await raw(path);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body.toString()).toBe(INDEX_HTML);
  });

  it.each(['/', '/index.html', '/wall', '/unit/123?period=2024'])('%s carries the Content-Security-Policy', async (path) => {
    const response = await raw(path);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it.each(['/', '/wall', '/assets/x-abc123.js', '/config.json', '/assets/x-missing.js', '/api/v1/meta', '/api/v1/nothing', '/__mock/faults'])(
    '%s is sent with nosniff and no referrer',
    async (path) => {
      const response = await raw(path);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    },
  );

  it('a hashed asset is cached for a year as immutable, with its content type', async () => {
    const response = await raw('/assets/x-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/javascript');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body.toString()).toBe(ASSET_JS);
  });

  it('config.json is served as JSON and checked on every load', async () => {
    const response = await raw('/config.json');
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(response.body.toString())).toEqual(CONFIG);
  });

  it('an operator’s edit to config.json is served without a restart', async () => {
    await raw('/config.json');
    const edited = { ...CONFIG, defaultLocale: 'en', padding: 'x'.repeat(20) };
    await writeFile(join(root, 'dist', 'config.json'), JSON.stringify(edited));
    expect(JSON.parse((await raw('/config.json')).body.toString())).toEqual(edited);
    await writeFile(join(root, 'dist', 'config.json'), JSON.stringify(CONFIG));
  });

  it('is gzipped for clients that accept it, and plain for those that do not', async () => {
    const zipped = await raw('/assets/x-abc123.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.byteLength);
    expect(zipped.body.byteLength).toBeLessThan(ASSET_JS.length);
    expect(gunzipSync(zipped.body).toString()).toBe(ASSET_JS);
    const fallback = await raw('/wall', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gunzipSync(fallback.body).toString()).toBe(INDEX_HTML);
    const plain = await raw('/assets/x-abc123.js', { headers: { 'Accept-Encoding': 'gzip;q=0, identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(ASSET_JS);
  });

  it('answers 304 when the client already has the same file', async () => {
    const first = await raw('/assets/x-abc123.js');
    const again = await raw('/assets/x-abc123.js', { headers: { 'If-None-Match': String(first.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
  });

  it('a missing file with an extension is a 404, not the app', async () => {
    expect((await raw('/assets/x-missing.js')).status).toBe(404);
    expect((await raw('/favicon.png')).status).toBe(404);
  });

  it('never serves files outside the built app', async () => {
    const response = await raw('/%2e%2e/secret.txt');
    expect(response.status).toBe(404);
    expect(response.body.toString()).not.toContain('outside dist');
  });

  it('HEAD gets the headers of GET without a body', async () => {
    const response = await raw('/wall', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body.byteLength).toBe(0);
  });

  it('other methods on the app are refused', async () => {
    expect((await raw('/wall', { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('the sample API on the same port', () => {
  it('answers /api/v1/meta with the contract’s envelope', async () => {
    const response = await fetch(`${origin}/api/v1/meta`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const meta = v.parse(MetaResponse, await response.json());
    expect(meta.sample).toBe(true);
    expect(meta.asOf).toMatch(/\+07:00$/);
  });

  it('filters observations by query, as in msw', async () => {
    const response = await fetch(`${origin}/api/v1/observations?level=province`);
    const body = v.parse(ObservationsResponse, await response.json());
    expect(body.data.rows.length).toBeGreaterThan(0);
    expect(body.data.rows.every((row) => row.level === 'province')).toBe(true);
  });

  it('gzips API answers for clients that accept it', async () => {
    const zipped = await raw('/api/v1/observations', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const body = v.parse(ObservationsResponse, JSON.parse(gunzipSync(zipped.body).toString()));
    expect(body.data.rows.length).toBeGreaterThan(0);
    const plain = await raw('/api/v1/observations');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(v.parse(ObservationsResponse, JSON.parse(plain.body.toString())).data.rows).toEqual(body.data.rows);
  });

  it('sends the same gzipped bytes, with their length, to every client that asks for the same answer', async () => {
    const first = await raw('/api/v1/units', { headers: { 'Accept-Encoding': 'gzip' } });
    const second = await raw('/api/v1/units', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers['content-length']).toBe(String(first.body.byteLength));
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers.etag).toBe(first.headers.etag);
    const plain = await raw('/api/v1/units');
    expect(gunzipSync(second.body).equals(plain.body)).toBe(true);
    const head = await raw('/api/v1/units', { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
    expect(head.body.byteLength).toBe(0);
  });

  it('tags API answers per encoding, and answers 304 to either tag', async () => {
    const plain = await raw('/api/v1/observations?level=province');
    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(plain.headers['cache-control']).toBe('max-age=900');
    const zipped = await raw('/api/v1/observations?level=province', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.etag).toBe(`${etag.slice(0, -1)}-gz"`);
    expect(zipped.headers.vary).toBe('Accept-Encoding');

    const notModifiedZipped = await raw('/api/v1/observations?level=province', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': String(zipped.headers.etag) } });
    expect(notModifiedZipped.status).toBe(304);
    expect(notModifiedZipped.body.byteLength).toBe(0);
    expect(notModifiedZipped.headers.etag).toBe(zipped.headers.etag);
    expect(notModifiedZipped.headers['cache-control']).toBe('max-age=900');
    expect(notModifiedZipped.headers.vary).toBe('Accept-Encoding');

    const notModifiedPlain = await raw('/api/v1/observations?level=province', { headers: { 'If-None-Match': etag } });
    expect(notModifiedPlain.status).toBe(304);
    expect(notModifiedPlain.headers.etag).toBe(etag);
    expect((await raw('/api/v1/observations?level=province', { headers: { 'If-None-Match': '"0000000000000000"' } })).status).toBe(200);
  });

  it('never answers 304 while a fault is on, and does not let caches keep the fault', async () => {
    const plain = await raw('/api/v1/meta');
    const post = await raw('/__mock/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ feed: 'meta', status: 503 }) });
    expect(post.status).toBe(200);
    try {
      const faulty = await raw('/api/v1/meta', { headers: { 'If-None-Match': String(plain.headers.etag) } });
      expect(faulty.status).toBe(503);
      expect(faulty.headers['cache-control']).toBe('no-store');
      expect(faulty.headers.etag).toBeUndefined();
    } finally {
      await raw('/__mock/faults', { method: 'DELETE' });
    }
    expect((await raw('/api/v1/meta', { headers: { 'If-None-Match': String(plain.headers.etag) } })).status).toBe(304);
  });

  it('HEAD on an API route sends its headers only', async () => {
    const response = await raw('/api/v1/meta', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.body.byteLength).toBe(0);
  });

  it.each(['/api/v1/nothing', '/api/v2/meta', '/api', '/__mock/nothing'])('%s is a 404 problem, not the app', async (path) => {
    const response = await raw(path);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(v.parse(Problem, JSON.parse(response.body.toString())).status).toBe(404);
  });

  it('switches a feed’s fault over HTTP and heals it again', async () => {
    const set = await fetch(`${origin}/__mock/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ feed: 'observations', status: 503 }) });
    expect(set.status).toBe(200);
    const broken = await fetch(`${origin}/api/v1/observations`);
    expect(broken.status).toBe(503);
    expect(broken.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${origin}/api/v1/meta`)).status).toBe(200);
    await fetch(`${origin}/__mock/faults/observations`, { method: 'DELETE' });
    expect((await fetch(`${origin}/api/v1/observations`)).status).toBe(200);
  });

  it('rejects a bad fault body over HTTP with a 400 naming the key', async () => {
    const response = await fetch(`${origin}/__mock/faults`, { method: 'POST', body: JSON.stringify({ feed: 'meta', latency: 100 }) });
    expect(response.status).toBe(400);
    expect(v.parse(Problem, await response.json()).detail).toContain('"latency"');
  });

  it('a timeout fault holds the request until the client gives up, and the server keeps serving', async () => {
    await fetch(`${origin}/__mock/faults`, { method: 'POST', body: JSON.stringify({ feed: 'national', timeout: true }) });
    const started = performance.now();
    await expect(fetch(`${origin}/api/v1/national`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect((await fetch(`${origin}/api/v1/meta`)).status).toBe(200);
    await fetch(`${origin}/__mock/faults`, { method: 'DELETE' });
    expect((await fetch(`${origin}/api/v1/national`)).status).toBe(200);
  });

  it('a malformed fault sends a body that does not parse', async () => {
    await fetch(`${origin}/__mock/faults`, { method: 'POST', body: JSON.stringify({ feed: 'events', malformed: true }) });
    const response = await fetch(`${origin}/api/v1/events`);
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
    await fetch(`${origin}/__mock/faults`, { method: 'DELETE' });
  });
});
