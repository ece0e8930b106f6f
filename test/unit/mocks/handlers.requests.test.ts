import { describe, expect, it } from 'vitest';
import { FEED_IDS } from '../../../src/contract/routes';
import { useSampleApi } from '../../support/msw';

const api = useSampleApi();
const REQUESTS = 'http://api.test/__mock/requests';
const FAULTS = 'http://api.test/__mock/faults';

interface Counts {
  since: string;
  counts: Record<string, number>;
  notModified: Record<string, number>;
}

async function read(): Promise<Counts> {
  const response = await fetch(REQUESTS);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  return (await response.json()) as Counts;
}

async function reset(): Promise<Counts> {
  const response = await fetch(REQUESTS, { method: 'DELETE' });
  expect(response.status).toBe(200);
  return (await response.json()) as Counts;
}

async function hit(path: string, init?: RequestInit): Promise<void> {
  await (await fetch(`${api.baseUrl}${path}`, init)).arrayBuffer();
}

const only = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describe('GET /__mock/requests: API requests per feed since the last reset', () => {
  it('starts from zero for every feed after a reset, since that moment', async () => {
    const before = Date.now();
    const state = await reset();
    expect(Object.keys(state.counts)).toEqual([...FEED_IDS]);
    expect(Object.values(state.counts).every((n) => n === 0)).toBe(true);
    expect(Object.keys(state.notModified)).toEqual([...FEED_IDS]);
    expect(Object.values(state.notModified).every((n) => n === 0)).toBe(true);
    expect(state.since).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(Date.parse(state.since)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(await read()).toEqual(state);
  });

  it('counts each feed’s requests, whatever answered them', async () => {
    await reset();
    await hit('/meta');
    await hit('/meta');
    await hit('/observations?indicator=par');
    await hit(`/units/${api.province.units[0]?.code ?? ''}/series`);
    await hit('/units/00000/series'); // a 404 of the route still counts
    await hit('/observations?indicator=nothing');
    await fetch(FAULTS, { method: 'POST', body: JSON.stringify({ feed: 'national', status: 503 }) });
    await hit('/national');
    await fetch(FAULTS, { method: 'POST', body: JSON.stringify({ feed: 'events', timeout: true }) });
    await expect(hit('/events', { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    expect(only((await read()).counts)).toEqual({ meta: 2, observations: 2, series: 2, national: 1, events: 1 });
  });

  it('counts the 304s of each feed as well, among its requests', async () => {
    await reset();
    const first = await fetch(`${api.baseUrl}/meta`);
    await first.arrayBuffer();
    await hit('/meta', { headers: { 'If-None-Match': first.headers.get('etag') ?? '' } });
    await hit('/meta', { headers: { 'If-None-Match': '"0000000000000000"' } });
    const state = await read();
    expect(only(state.counts)).toEqual({ meta: 3 });
    expect(only(state.notModified)).toEqual({ meta: 1 });
  });

  it('does not count the control endpoints or paths that are no route', async () => {
    await reset();
    await fetch(FAULTS);
    await read();
    await hit('/nothing');
    await hit('/meta', { method: 'POST' });
    expect(only((await read()).counts)).toEqual({});
  });

  it('DELETE resets every count and moves since on', async () => {
    await reset();
    await hit('/units');
    const counted = await read();
    expect(counted.counts.units).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const fresh = await reset();
    expect(fresh.counts.units).toBe(0);
    expect(Date.parse(fresh.since)).toBeGreaterThan(Date.parse(counted.since));
  });
});
