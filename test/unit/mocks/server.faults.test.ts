// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generateProvince } from '../../../mocks/generator';
import { HUGE_BODY_BYTES } from '../../../mocks/handlers/faults';
import { tricklesInFlight } from '../../../mocks/handlers/faults/bytes';
import { createAppServer } from '../../../mocks/server/app';

// The faults whose point is how the bytes travel (a slow body, a huge one), through the real node server.
const NOW = new Date('2026-03-10T03:00:00Z');
const TOKEN = 'tok-123';
const PATH = '/api/v1/observations?indicator=par&period=2024';

let root: string;
const servers: Server[] = [];

async function start(options: { auth?: { token: string } } = {}): Promise<string> {
  const server = createAppServer({ distDir: root, province: generateProvince({ seed: 3, communes: 20 }), now: () => NOW, ...options });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let origin: string;
let guarded: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ioc-faults-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>IOC</title>');
  origin = await start();
  guarded = await start({ auth: { token: TOKEN } });
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await rm(root, { recursive: true, force: true });
});

afterEach(async () => {
  await fetch(`${origin}/__mock/faults`, { method: 'DELETE' });
});

async function setFault(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${origin}/__mock/faults`, { method: 'POST', body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
}

interface Received {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** When each piece arrived, in ms after the request was sent. */
  arrivals: number[];
}

/** A plain request that asks for gzip but does not decompress, timing each piece of the body. */
function receive(url: string): Promise<Received> {
  return new Promise((resolve, reject) => {
    const sent = performance.now();
    const req = httpRequest(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      const arrivals: number[] = [];
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        arrivals.push(performance.now() - sent);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), arrivals }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('trickle through the node server', () => {
  it('sends the first byte at once and the rest over the time given, uncompressed, the same answer', async () => {
    const healthy = await receive(`${origin}${PATH}`);
    await setFault({ feed: 'observations', trickle: 1500 });
    const slow = await receive(`${origin}${PATH}`);
    expect(slow.status).toBe(200);
    expect(slow.headers['content-encoding']).toBeUndefined();
    expect(slow.body.toString()).toBe(gunzipSync(healthy.body).toString());
    expect(slow.arrivals.length).toBeGreaterThanOrEqual(4);
    const first = slow.arrivals[0] ?? 0;
    const last = slow.arrivals.at(-1) ?? 0;
    expect(last - first).toBeGreaterThanOrEqual(1200);
    expect(healthy.headers['content-encoding']).toBe('gzip');
  });

  it('is cancelled when the client goes away, and the server keeps serving', async () => {
    await setFault({ feed: 'observations', trickle: 60_000 });
    let during = 0;
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${origin}${PATH}`, (res) => {
        res.once('data', () => {
          // By now the server waits for the next piece.
          setTimeout(() => {
            during = tricklesInFlight();
            req.destroy();
            resolve();
          }, 100);
        });
      });
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      req.end();
    });
    // The trickle was waiting to send its next piece; it stops once the server sees the socket close.
    expect(during).toBe(1);
    for (let i = 0; i < 50 && tricklesInFlight() > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tricklesInFlight()).toBe(0);
    expect((await fetch(`${origin}/api/v1/meta`)).status).toBe(200);
  });
});

describe('hugeBody through the node server', () => {
  it('sends ~10 MB of valid JSON with its length, never compressed', async () => {
    await setFault({ feed: 'observations', hugeBody: true });
    const got = await receive(`${origin}${PATH}`);
    expect(got.status).toBe(200);
    expect(got.headers['content-encoding']).toBeUndefined();
    expect(Number(got.headers['content-length'])).toBe(got.body.byteLength);
    expect(got.body.byteLength).toBeGreaterThan(HUGE_BODY_BYTES);
    const body = JSON.parse(got.body.toString()) as { data: { rows: unknown[] }; padding: string };
    expect(body.data.rows.length).toBeGreaterThan(0);
    expect(body.padding.length).toBe(HUGE_BODY_BYTES);
  });

  it('trickles too when asked', async () => {
    await setFault({ feed: 'observations', hugeBody: true, trickle: 500 });
    const got = await receive(`${origin}${PATH}`);
    expect(got.body.byteLength).toBe(Number(got.headers['content-length']));
    expect((JSON.parse(got.body.toString()) as { padding: string }).padding.length).toBe(HUGE_BODY_BYTES);
  });
});

describe('the other faults through the node server', () => {
  it('html: a web page with its own content type', async () => {
    await setFault({ feed: 'observations', html: true });
    const got = await receive(`${origin}${PATH}`);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('nonFinite: the bare token reaches the client', async () => {
    await setFault({ feed: 'national', nonFinite: 'infinity' });
    const text = await (await fetch(`${origin}/api/v1/national?indicator=par&period=2024`)).text();
    expect(text).toContain('"value":Infinity,');
  });

  it('counts requests per feed at /__mock/requests', async () => {
    await fetch(`${origin}/__mock/requests`, { method: 'DELETE' });
    await fetch(`${origin}/api/v1/meta`);
    await fetch(`${origin}/api/v1/meta`, { method: 'HEAD' });
    await setFault({ feed: 'units', status: 500 });
    await fetch(`${origin}/api/v1/units`);
    const state = (await (await fetch(`${origin}/__mock/requests`)).json()) as { since: string; counts: Record<string, number> };
    expect(state.counts).toMatchObject({ meta: 2, units: 1, observations: 0 });
  });
});

describe('AUTH_TOKEN: createAppServer with auth', () => {
  it('refuses /api/v1 without the token, answers with it, and leaves the app and /__mock open', async () => {
    const refused = await fetch(`${guarded}/api/v1/meta`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${guarded}/api/v1/meta`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(`${guarded}/api/v1/meta`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await fetch(`${guarded}/wall`)).status).toBe(200);
    expect((await fetch(`${guarded}/__mock/faults`)).status).toBe(200);
    expect((await fetch(`${guarded}/__mock/requests`)).status).toBe(200);
  });
});
