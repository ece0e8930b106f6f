// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { HUGE_BODY_BYTES } from '../../../mocks/handlers/faults';
import { toResponse, trickle, tricklesInFlight, type Answer } from '../../../mocks/handlers/faults/bytes';
import { useSampleApi } from '../../support/msw';

const NOW = new Date('2026-03-10T03:00:00Z');
const api = useSampleApi({ now: () => NOW });
const CONTROL = 'http://api.test/__mock/faults';
const PATH = '/observations?indicator=par&period=2024';

async function setFault(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(CONTROL, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function get(path: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${api.baseUrl}${path}`);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('hugeBody: the answer padded to about 10 MB', () => {
  it('is still valid JSON: the data as it was, and a padding property of filler without spaces', async () => {
    const healthy = JSON.parse((await get(PATH)).text) as Record<string, unknown>;
    await setFault({ feed: 'observations', hugeBody: true });
    const got = await get(PATH);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toContain('application/json');
    expect(got.headers.get('cache-control')).toContain('no-transform');
    expect(Number(got.headers.get('content-length'))).toBe(Buffer.byteLength(got.text));
    expect(got.text.length).toBeGreaterThan(HUGE_BODY_BYTES);
    const { padding, ...rest } = JSON.parse(got.text) as Record<string, unknown>;
    expect(rest).toEqual(healthy);
    expect(typeof padding).toBe('string');
    expect((padding as string).length).toBe(HUGE_BODY_BYTES);
    expect(padding).not.toMatch(/\s/);
  });

  it('pads GeoJSON as a foreign member too', async () => {
    await setFault({ feed: 'boundaries', hugeBody: true });
    const body = JSON.parse((await get(`/boundaries?level=${api.province.meta.levels[0]?.id ?? ''}`)).text) as Record<string, unknown>;
    expect(body.type).toBe('FeatureCollection');
    expect((body.padding as string).length).toBe(HUGE_BODY_BYTES);
  });

  it('with malformed, is the first half of the padded body', async () => {
    await setFault({ feed: 'observations', hugeBody: true, malformed: true });
    const got = await get(PATH);
    expect(got.status).toBe(200);
    expect(got.text.length).toBeGreaterThan(HUGE_BODY_BYTES / 2);
    expect(got.text.length).toBeLessThan(HUGE_BODY_BYTES * 0.6);
    expect(got.text.startsWith('{"asOf"')).toBe(true);
    expect(() => JSON.parse(got.text) as unknown).toThrow(SyntaxError);
  });

  it('leaves an error answer as it was', async () => {
    await setFault({ feed: 'observations', hugeBody: true, status: 500 });
    const got = await get(PATH);
    expect(got.status).toBe(500);
    expect(got.text.length).toBeLessThan(1000);
  });
});

describe('trickle: the body sent slowly', () => {
  it('still arrives whole, through msw too, with the other faults applied first', async () => {
    const healthy = (await get(PATH)).text;
    await setFault({ feed: 'observations', trickle: 300 });
    const started = performance.now();
    const got = await get(PATH);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(got.status).toBe(200);
    expect(got.headers.get('cache-control')).toContain('no-transform');
    expect(got.text).toBe(healthy);

    await setFault({ feed: 'observations', trickle: 200, status: 503 });
    const problem = await get(PATH);
    expect(problem.status).toBe(503);
    expect(JSON.parse(problem.text)).toMatchObject({ status: 503 });
  });

  function answerOf(text: string): Answer {
    return { status: 200, statusText: '', headers: new Headers({ 'Content-Type': 'application/json' }), parts: [new TextEncoder().encode(text)] };
  }

  it('sends the first byte at once, then even pieces spread over the time given', async () => {
    const answer = answerOf('x'.repeat(1000));
    trickle(answer, 1000);
    const reader = toResponse(answer, new AbortController().signal).body?.getReader();
    const pieces: { at: number; bytes: number }[] = [];
    const started = performance.now();
    for (;;) {
      const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
      if (done) break;
      pieces.push({ at: performance.now() - started, bytes: value.byteLength });
    }
    expect(pieces[0]?.bytes).toBe(1);
    expect(pieces.reduce((sum, piece) => sum + piece.bytes, 0)).toBe(1000);
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    expect((pieces.at(-1)?.at ?? 0) - (pieces[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it('stops when the request is aborted, without waiting out its time', async () => {
    const answer = answerOf('y'.repeat(1000));
    trickle(answer, 60_000);
    const controller = new AbortController();
    const reader = toResponse(answer, controller.signal).body?.getReader();
    expect((await reader?.read())?.value?.byteLength).toBe(1);
    const next = reader?.read();
    controller.abort();
    await expect(next).rejects.toThrow('went away');
    expect(tricklesInFlight()).toBe(0);
  });

  it('stops when the reader cancels', async () => {
    const answer = answerOf('z'.repeat(1000));
    trickle(answer, 60_000);
    const reader = toResponse(answer, new AbortController().signal).body?.getReader();
    await reader?.read();
    expect(tricklesInFlight()).toBe(1);
    await reader?.cancel();
    await expect(reader?.read()).resolves.toEqual({ done: true, value: undefined });
    expect(tricklesInFlight()).toBe(0);
  });
});
