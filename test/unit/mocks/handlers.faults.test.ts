import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { Problem } from '../../../src/contract/common';
import { FEED_IDS } from '../../../src/contract/routes';
import { useSampleApi } from '../../support/msw';

const api = useSampleApi();
const CONTROL = 'http://api.test/__mock/faults';

function setFault(body: unknown): Promise<Response> {
  return fetch(CONTROL, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function statusOf(path: string): Promise<number> {
  const response = await fetch(`${api.baseUrl}${path}`);
  await response.arrayBuffer();
  return response.status;
}

describe('switching faults through /__mock/faults', () => {
  it('a 503 on one feed answers that feed with a 503 problem and leaves the others alone', async () => {
    expect((await setFault({ feed: 'observations', status: 503 })).status).toBe(200);
    const broken = await fetch(`${api.baseUrl}/observations?indicator=par`);
    expect(broken.status).toBe(503);
    expect(broken.headers.get('content-type')).toContain('application/problem+json');
    const problem = v.parse(Problem, await broken.json());
    expect(problem).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(problem.detail).toContain('observations');
    expect(await statusOf('/meta')).toBe(200);
    expect(await statusOf(`/units/${api.province.units[0]?.code ?? ''}/series`)).toBe(200);
  });

  it('GET lists the faults in force, the feeds and the kinds of fault', async () => {
    await setFault({ feed: 'national', status: 500, latencyMs: 5 });
    const state = (await (await fetch(CONTROL)).json()) as { faults: Record<string, unknown>; feeds: string[]; kinds: string[] };
    expect(state.faults).toEqual({ national: { status: 500, latencyMs: 5 } });
    expect(state.feeds).toEqual([...FEED_IDS]);
    expect(state.kinds).toEqual(expect.arrayContaining(['latencyMs', 'status', 'timeout', 'malformed']));
  });

  it('faults switched in one test are healed before the next', async () => {
    const state = (await (await fetch(CONTROL)).json()) as { faults: Record<string, unknown> };
    expect(state.faults).toEqual({});
    expect(await statusOf('/national')).toBe(200);
  });

  it('a malformed feed answers 200 with JSON that does not parse', async () => {
    await setFault({ feed: 'meta', malformed: true });
    const response = await fetch(`${api.baseUrl}/meta`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = await response.text();
    expect(text.startsWith('{"asOf"')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('latency delays the answer by at least the time asked for', async () => {
    await setFault({ feed: 'indicators', latencyMs: 150 });
    const started = performance.now();
    expect(await statusOf('/indicators')).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('a timeout never answers: the client gives up on its own', async () => {
    await setFault({ feed: 'events', timeout: true });
    await expect(fetch(`${api.baseUrl}/events`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(await statusOf('/meta')).toBe(200);
  });

  it('"*" breaks every feed, and DELETE heals them all', async () => {
    await setFault({ feed: '*', status: 502 });
    expect(await statusOf('/meta')).toBe(502);
    expect(await statusOf('/service-kpis')).toBe(502);
    expect((await fetch(CONTROL, { method: 'DELETE' })).status).toBe(200);
    expect(await statusOf('/meta')).toBe(200);
    expect(await statusOf('/service-kpis')).toBe(200);
  });

  it('DELETE /__mock/faults/<feed> heals that feed only', async () => {
    await setFault({ feed: 'units', status: 500 });
    await setFault({ feed: 'meta', status: 500 });
    await fetch(`${CONTROL}/units`, { method: 'DELETE' });
    expect(await statusOf('/units')).toBe(200);
    expect(await statusOf('/meta')).toBe(500);
  });

  it('a new fault on a feed replaces the old one', async () => {
    await setFault({ feed: 'units', status: 500 });
    await setFault({ feed: 'units', malformed: true });
    const response = await fetch(`${api.baseUrl}/units`);
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });

  it('a fault with every setting off heals the feed', async () => {
    await setFault({ feed: 'units', status: 500 });
    await setFault({ feed: 'units', timeout: false, malformed: false, latencyMs: 0 });
    expect(await statusOf('/units')).toBe(200);
  });

  it('the registry returned by useSampleApi switches the same faults', async () => {
    api.faults.set('boundaries', { status: 504 });
    const level = api.province.meta.levels[0]?.id ?? '';
    expect(await statusOf(`/boundaries?level=${level}`)).toBe(504);
  });

  it('an unknown feed in DELETE /__mock/faults/<feed> is a 404 problem', async () => {
    const response = await fetch(`${CONTROL}/weather`, { method: 'DELETE' });
    expect(response.status).toBe(404);
    expect((await response.json()) as unknown).toMatchObject({ status: 404 });
  });
});

describe('a bad fault body', () => {
  async function expectRejected(body: unknown, mentions: string): Promise<void> {
    const response = await fetch(CONTROL, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = v.parse(Problem, await response.json());
    expect(problem.detail).toContain(mentions);
    const state = (await (await fetch(CONTROL)).json()) as { faults: Record<string, unknown> };
    expect(state.faults).toEqual({});
  }

  it('is a 400 problem naming an unknown key', async () => {
    await expectRejected({ feed: 'observations', staus: 503 }, '"staus"');
  });

  it('is a 400 problem naming a key with a bad value', async () => {
    await expectRejected({ feed: 'observations', status: 200 }, '"status"');
    await expectRejected({ feed: 'observations', latencyMs: -5 }, '"latencyMs"');
    await expectRejected({ feed: 'observations', timeout: 'yes' }, '"timeout"');
  });

  it('is a 400 problem naming feed when the feed is missing or unknown', async () => {
    await expectRejected({ status: 503 }, '"feed"');
    await expectRejected({ feed: 'weather', status: 503 }, '"feed"');
  });

  it('is a 400 problem when it is not a JSON object', async () => {
    await expectRejected('status=503', 'not JSON');
    await expectRejected([1, 2], 'JSON object');
  });
});
