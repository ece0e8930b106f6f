// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createApiClient } from '../../../src/api/client';

const base = 'http://client.test/api/v1/';
const seen: { ifNoneMatch: string | null; cache: string }[] = [];
let down = false;
const server = setupServer(
  http.get(`${base}meta`, ({ request }) => {
    const ifNoneMatch = request.headers.get('If-None-Match');
    seen.push({ ifNoneMatch, cache: request.cache });
    if (down) return new HttpResponse(null, { status: 503 });
    if (ifNoneMatch === '"m1"') return new HttpResponse(null, { status: 304, headers: { ETag: '"m1"' } });
    return HttpResponse.json({ asOf: '2026-11-21T09:00:00+07:00', sample: true, data: {} }, { headers: { ETag: '"m1"' } });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
  down = false;
});
afterAll(() => server.close());

const client = createApiClient({ baseUrl: base, timeoutMs: 1000, retry: { retries: 2, baseMs: 10, maxMs: 40 }, maxBytes: 100_000, auth: null });

describe('API client: explicit revalidation, never the browser cache', () => {
  it('gives the ETag of an answer, and sends no If-None-Match when it holds no copy', async () => {
    const answer = await client.get('meta');
    expect(answer).toMatchObject({ status: 200, etag: '"m1"' });
    expect(answer.body).toContain('"asOf"');
    expect(seen).toEqual([{ ifNoneMatch: null, cache: 'no-store' }]);
  });

  it('sends the ETag it is given as If-None-Match, and gives a 304 back as an answer with an empty body', async () => {
    const answer = await client.get('meta', { etag: '"m1"' });
    expect(answer).toEqual({ status: 304, contentType: '', body: '', etag: '"m1"' });
    expect(seen).toEqual([{ ifNoneMatch: '"m1"', cache: 'no-store' }]);
  });

  it('takes a 304 as the resource answering again: its next failure gets its retries back', async () => {
    down = true;
    await expect(client.get('meta', { etag: '"m1"' })).rejects.toThrow('HTTP 503');
    await expect(client.get('meta', { etag: '"m1"' })).rejects.toThrow('HTTP 503');
    down = false;
    await expect(client.get('meta', { etag: '"m1"' })).resolves.toMatchObject({ status: 304 });
    down = true;
    await expect(client.get('meta', { etag: '"m1"' })).rejects.toThrow('HTTP 503');
    // 1 + 2 retries, then 1 (a failing resource gets none), then the 304, then 1 + 2 retries again.
    expect(seen).toHaveLength(3 + 1 + 1 + 3);
    expect(seen.every((request) => request.ifNoneMatch === '"m1"')).toBe(true);
  });

  it('sends a request asked not to retry (a probe) once, even to a resource that last answered', async () => {
    // The resource answers: a plain request to it would get its retries.
    await expect(client.get('meta', { etag: '"m1"' })).resolves.toMatchObject({ status: 304 });
    down = true;
    await expect(client.get('meta', { etag: '"m1"', retry: false })).rejects.toThrow('HTTP 503');
    expect(seen).toHaveLength(1 + 1);
    down = false;
    await expect(client.get('meta', { etag: '"m1"', retry: false })).resolves.toMatchObject({ status: 304 });
    expect(seen).toHaveLength(1 + 1 + 1);
  });
});

describe('API client in a browser that gives a 304 an empty body stream (Chromium)', () => {
  it('still takes the 304 as "not modified", not as the API being unreachable', async () => {
    const chromiumLike = async () =>
      ({ status: 304, statusText: 'Not Modified', ok: false, headers: new Headers({ ETag: '"m1"' }), body: new Response('').body }) as unknown as Response;
    const browserClient = createApiClient({ baseUrl: base, timeoutMs: 1000, retry: { retries: 0, baseMs: 10, maxMs: 40 }, maxBytes: 100_000, auth: null, fetch: chromiumLike });
    await expect(browserClient.get('meta', { etag: '"m1"' })).resolves.toEqual({ status: 304, contentType: '', body: '', etag: '"m1"' });
  });
});
