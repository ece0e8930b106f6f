import * as v from 'valibot';
import { beforeAll, describe, expect, test } from 'vitest';
import { Problem } from '../../../../src/contract/common';
import { API_PREFIX, ROUTES, type Route } from '../../../../src/contract/routes';
import type { FetchHandler } from '../../../../server/http/hub';
import { DATA_CASES, PROBLEM_CASES, url } from './cases';
import { sampleApi, sampleProvince } from './implementations';

/** Time to start a hub: create the store, migrate, seed. */
const START_TIMEOUT_MS = 120_000;

/** The headers a client or a cache acts on. */
const HEADERS = ['content-type', 'content-length', 'cache-control', 'etag', 'allow'] as const;

function headersOf(response: Response): Record<string, string | null> {
  return Object.fromEntries(HEADERS.map((name) => [name, response.headers.get(name)]));
}

function routeOf(path: string): Route {
  const pathname = new URL(url(path)).pathname.slice(API_PREFIX.length);
  const route = ROUTES.find((candidate) => new RegExp(`^${candidate.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname));
  if (!route) throw new Error(`No route of the contract for ${path}`);
  return route;
}

interface Seen {
  status: number;
  headers: Record<string, string | null>;
  body: string;
}

async function see(handler: FetchHandler, path: string, init: RequestInit = {}): Promise<Seen> {
  const response = await handler(new Request(url(path), init));
  return { status: response.status, headers: headersOf(response), body: await response.text() };
}

/**
 * The contract suite: every case asked of the sample API (MSW handlers over the generated province) and of
 * the hub given by `start` (seeded with the same province), which must answer alike: status, the headers
 * that matter, and the body byte for byte. `start` runs once, before the cases.
 */
export function describeContract(label: string, start: () => Promise<FetchHandler>): void {
  describe(label, () => {
    const sample = sampleApi(sampleProvince());
    let hub: FetchHandler;
    /** The same request of both: [sample API, hub]. */
    const both = async (path: string, init: RequestInit = {}): Promise<[Seen, Seen]> => [await see(sample, path, init), await see(hub, path, init)];

    // Starting PGlite (a WebAssembly PostgreSQL) and seeding take a few seconds, more on a busy machine.
    beforeAll(async () => {
      hub = await start();
    }, START_TIMEOUT_MS);

    test.each(DATA_CASES)('answers $name ($path) as the sample API does, in the contract shape', async ({ path }) => {
      const [expected, actual] = await both(path);
      expect(expected.status).toBe(200);
      expect(actual.status).toBe(200);
      expect(actual.headers).toEqual(expected.headers);
      expect(actual.headers['content-type']).toBe(routeOf(path).mediaType === 'application/geo+json' ? 'application/geo+json; charset=utf-8' : 'application/json; charset=utf-8');
      expect(actual.headers.etag).toMatch(/^"[0-9a-f]{16}"$/);
      expect(actual.body).toBe(expected.body);
      const parsed = v.safeParse(routeOf(path).response, JSON.parse(actual.body));
      expect(parsed.issues?.map((issue) => `${v.getDotPath(issue) ?? ''}: ${issue.message}`)).toBeUndefined();
    });

    test.each(PROBLEM_CASES)('refuses $name ($path) with the same problem', async ({ path }) => {
      const [expected, actual] = await both(path);
      expect(expected.status).toBeGreaterThanOrEqual(400);
      expect(actual.status).toBe(expected.status);
      expect(actual.headers).toEqual(expected.headers);
      expect(actual.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(actual.body).toBe(expected.body);
      expect(v.is(Problem, JSON.parse(actual.body))).toBe(true);
    });

    test.each(['/meta', '/units?level=commune', '/indicators', '/observations?indicator=pci', '/units/990/series', '/service-kpis', '/service-kpis/closes', '/units/99/service-history'])(
      'sends a client that holds the answer to %s a 304 with the same tag and max-age, and no body',
      async (path) => {
        const first = await see(hub, path);
        const etag = first.headers.etag ?? '';
        for (const ifNoneMatch of [etag, `W/${etag}`, `"0000000000000000", ${etag}`, '*']) {
          const [expected, actual] = await both(path, { headers: { 'If-None-Match': ifNoneMatch } });
          expect(actual.status).toBe(304);
          expect(actual.headers).toEqual(expected.headers);
          expect(actual.headers.etag).toBe(etag);
          expect(actual.body).toBe('');
        }
      },
    );

    test('sends the whole answer to a client whose copy is out of date', async () => {
      const [expected, actual] = await both('/observations?period=2025', { headers: { 'If-None-Match': '"0123456789abcdef"' } });
      expect(actual.status).toBe(200);
      expect(actual.headers).toEqual(expected.headers);
      expect(actual.body).toBe(expected.body);
    });

    test('tells a client that writes to a route that only GET is allowed', async () => {
      const [expected, actual] = await both('/observations', { method: 'POST', body: '{}' });
      expect(actual.status).toBe(405);
      expect(actual.headers.allow).toBe(expected.headers.allow);
      expect(actual.headers['content-type']).toBe(expected.headers['content-type']);
      expect(v.is(Problem, JSON.parse(actual.body))).toBe(true);
    });
  });
}
