// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProvince } from '../../../mocks/generator';
import { createAppServer } from '../../../mocks/server/app';
import { createSampleClock, parseInstant } from '../../../mocks/server/clock';

describe('SAMPLE_NOW: the instant it names', () => {
  it.each([
    ['2026-03-10T10:00:00+07:00', '2026-03-10T03:00:00.000Z'],
    ['2026-03-10T10:00+07:00', '2026-03-10T03:00:00.000Z'],
    ['2026-03-10T03:00:00Z', '2026-03-10T03:00:00.000Z'],
    ['2026-03-10T03:00:05.25Z', '2026-03-10T03:00:05.250Z'],
    ['2026-03-09T22:00:00-05:00', '2026-03-10T03:00:00.000Z'],
    ['2024-02-29T23:59:59+07:00', '2024-02-29T16:59:59.000Z'],
    ['  2026-03-10T10:00:00+07:00 ', '2026-03-10T03:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['no offset, which would be the machine time zone', '2026-03-10T10:00:00'],
    ['a space for the T', '2026-03-10 10:00:00+07:00'],
    ['a date only', '2026-03-10'],
    ['no such day', '2026-02-30T10:00:00+07:00'],
    ['no such day in a common year', '2025-02-29T10:00:00+07:00'],
    ['hour 24', '2026-03-10T24:00:00+07:00'],
    ['minute 60', '2026-03-10T10:60:00+07:00'],
    ['month 13', '2026-13-10T10:00:00+07:00'],
    ['an offset without a colon', '2026-03-10T10:00:00+0700'],
    ['epoch milliseconds', '1773111600000'],
    ['words', 'now'],
  ])('refuses %s (%s)', (_, text) => {
    expect(parseInstant(text)).toBeNull();
  });
});

describe("the sample's clock", () => {
  it('starts at the instant given and runs on with the real clock', () => {
    let real = 1_000_000;
    const now = createSampleClock({ start: new Date('2026-03-10T03:00:00Z'), realNow: () => real });
    expect(now().toISOString()).toBe('2026-03-10T03:00:00.000Z');
    real += 90_500;
    expect(now().toISOString()).toBe('2026-03-10T03:01:30.500Z');
  });

  it('runs timeScale times faster, from the start given or from the real time', () => {
    let real = Date.parse('2026-12-04T18:00:00Z');
    const pinned = createSampleClock({ start: new Date('2026-03-10T03:00:00Z'), timeScale: 60, realNow: () => real });
    const unpinned = createSampleClock({ timeScale: 60, realNow: () => real });
    real += 1_000;
    expect(pinned().toISOString()).toBe('2026-03-10T03:01:00.000Z');
    expect(unpinned().toISOString()).toBe('2026-12-04T18:01:00.000Z');
  });
});

describe('GET /__mock/clock on the sample server', () => {
  let root: string;
  let server: Server;
  let origin: string;
  let sampleMs = Date.parse('2026-03-10T03:00:05.123Z');

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ioc-clock-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>IOC</title>');
    server = createAppServer({ distDir: root, province: generateProvince({ seed: 7 }), now: () => new Date(sampleMs), timeScale: 1, auth: { token: 'tok' } });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(root, { recursive: true, force: true });
  });

  it("answers the sample's time in Vietnam time and in epoch milliseconds, never cached, without a token", async () => {
    const response = await fetch(`${origin}/__mock/clock`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ now: '2026-03-10T10:00:05+07:00', epochMs: sampleMs, timeScale: 1 });
    sampleMs += 60_000;
    expect(await (await fetch(`${origin}/__mock/clock`)).json()).toMatchObject({ now: '2026-03-10T10:01:05+07:00' });
  });

  it('is the clock the API answers on', async () => {
    const live = (await (await fetch(`${origin}/api/v1/service-kpis?level=province`, { headers: { Authorization: 'Bearer tok' } })).json()) as { asOf: string };
    const clock = (await (await fetch(`${origin}/__mock/clock`)).json()) as { now: string };
    expect(live.asOf.slice(0, 16)).toBe(clock.now.slice(0, 16));
  });

  it('answers other methods with a 405 problem', async () => {
    const response = await fetch(`${origin}/__mock/clock`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(((await response.json()) as { detail: string }).detail).toContain('/__mock/clock');
  });
});
