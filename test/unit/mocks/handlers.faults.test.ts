import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { Problem } from '../../../src/contract/common';
import { FEED_IDS } from '../../../src/contract/routes';
import { ServiceKpisResponse, type ServiceKpiRow } from '../../../src/contract/serviceKpis';
import { serviceKpisAt } from '../../../mocks/generator';
import { countsOnTime } from '../../../mocks/handlers/faults';
import { useSampleApi } from '../../support/msw';

// A working Tuesday at 10:00 Vietnam time: files have come in and been resolved, whatever the hour the tests
// run at, so a forced breach always has counts to agree with.
const NOW = new Date('2026-03-10T10:00:00+07:00');
const api = useSampleApi({ now: () => NOW });
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

  it('knows every kind of the fault matrix, and lists several on one feed', async () => {
    const all = {
      latencyMs: 1,
      drift: 'wrong-type',
      outOfRange: 'above-max',
      nonFinite: 'null',
      empty: true,
      duplicates: true,
      otherPeriod: true,
      xss: true,
      hugeBody: true,
      trickle: 1500,
    };
    await setFault({ feed: 'national', ...all });
    const state = (await (await fetch(CONTROL)).json()) as { faults: Record<string, unknown>; kinds: string[] };
    expect(state.faults).toEqual({ national: all });
    expect(state.kinds).toEqual([
      'latencyMs',
      'timeout',
      'status',
      'html',
      'drift',
      'outOfRange',
      'nonFinite',
      'empty',
      'duplicates',
      'otherPeriod',
      'breach',
      'xss',
      'hugeBody',
      'malformed',
      'trickle',
    ]);
  });

  it('drops settings that are off: false, and a trickle of 0 ms', async () => {
    await setFault({ feed: 'units', html: false, empty: false, trickle: 0, drift: 'missing-field' });
    const state = (await (await fetch(CONTROL)).json()) as { faults: Record<string, unknown> };
    expect(state.faults).toEqual({ units: { drift: 'missing-field' } });
    await setFault({ feed: 'units', xss: false, trickle: false });
    expect(((await (await fetch(CONTROL)).json()) as { faults: Record<string, unknown> }).faults).toEqual({});
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

  it('is a 400 problem naming breach when it is set on a feed other than service-kpis', async () => {
    await expectRejected({ feed: 'observations', breach: { kpi: 'on-time', value: 72 } }, '"breach"');
    await expectRejected({ feed: '*', breach: { kpi: 'on-time', value: 72 } }, 'service-kpis');
  });

  it('is a 400 problem naming breach when its value, KPI or keys are wrong', async () => {
    await expectRejected({ feed: 'service-kpis', breach: { kpi: 'on-time', value: 120 } }, '"breach"');
    await expectRejected({ feed: 'service-kpis', breach: { kpi: 'on-time', value: 120 } }, '"breach.value"');
    await expectRejected({ feed: 'service-kpis', breach: { kpi: 'ontime', value: 72 } }, '"breach.kpi"');
    await expectRejected({ feed: 'service-kpis', breach: { value: 72 } }, '"breach.kpi" is missing');
    await expectRejected({ feed: 'service-kpis', breach: { kpi: 'on-time', value: 72, units: '99003' } }, '"breach.units"');
    await expectRejected({ feed: 'service-kpis', breach: { kpi: 'on-time', value: 72, unit: '' } }, '"breach.unit"');
    await expectRejected({ feed: 'service-kpis', breach: 72 }, '"breach"');
  });

  it.each([
    ['html', 'yes'],
    ['drift', 'sideways'],
    ['drift', true],
    ['outOfRange', 'low'],
    ['nonFinite', 'NaN'],
    ['nonFinite', 0],
    ['empty', 1],
    ['duplicates', 'true'],
    ['otherPeriod', null],
    ['xss', '<script>'],
    ['hugeBody', 10],
    ['trickle', -1],
    ['trickle', 1.5],
    ['trickle', 'slow'],
    ['trickle', 700_000],
  ])('is a 400 problem naming "%s" when it is %j', async (key, value) => {
    await expectRejected({ feed: 'observations', [key]: value }, `"${key}"`);
  });

  it('says what a setting accepts', async () => {
    await expectRejected({ feed: 'observations', drift: 'sideways' }, '"missing-field", "wrong-type", "unknown-indicator", "unknown-unit"');
    await expectRejected({ feed: 'observations', nonFinite: 'NaN' }, '"nan", "infinity", "null"');
    await expectRejected({ feed: 'observations', trickle: 'slow' }, 'milliseconds');
  });

  it('is a 400 problem when it is not a JSON object', async () => {
    await expectRejected('status=503', 'not JSON');
    await expectRejected([1, 2], 'JSON object');
  });
});

describe('a forced live-KPI breach on service-kpis', () => {
  /** One answer of the feed, with the rows the generator gives for the same minute. */
  async function serviceKpis(query = ''): Promise<{ type: string; body: ServiceKpisResponse; expected: ServiceKpiRow[] }> {
    const response = await fetch(`${api.baseUrl}/service-kpis${query}`);
    expect(response.status).toBe(200);
    const body = v.parse(ServiceKpisResponse, await response.json());
    return { type: response.headers.get('content-type') ?? '', body, expected: serviceKpisAt(api.province, new Date(body.asOf)) };
  }

  const tenth = (x: number) => Math.round(x * 10) / 10;

  /** Rows of `rows` that differ from the generator's, by unit. */
  function changedUnits(rows: readonly ServiceKpiRow[], expected: readonly ServiceKpiRow[]): string[] {
    return rows.filter((row) => JSON.stringify(row) !== JSON.stringify(expected.find((e) => e.unit === row.unit))).map((row) => row.unit);
  }

  function expectConsistentOnTime(row: ServiceKpiRow | undefined, value: number): void {
    expect(row?.rates['on-time']).toBe(value);
    const { resolved, resolvedOnTime, pending, overdue } = row?.counts ?? { resolved: 0, resolvedOnTime: 0, pending: 0, overdue: 0 };
    expect(resolved).toBeGreaterThan(0);
    expect(resolvedOnTime).toBeLessThanOrEqual(resolved);
    expect(tenth((resolvedOnTime / resolved) * 100)).toBe(tenth(value));
    expect(overdue).toBeLessThanOrEqual(pending);
  }

  /** A commune that is not the first one, so the default and a named unit can be told apart. */
  async function someCommune(): Promise<string> {
    const { body } = await serviceKpis();
    const unit = body.data.rows.filter((row) => row.level === 'commune')[2]?.unit;
    expect(unit).toBeDefined();
    return unit ?? '';
  }

  it('shows the on-time rate given for the unit named, with counts that say the same', async () => {
    const unit = await someCommune();
    expect((await setFault({ feed: 'service-kpis', breach: { unit, kpi: 'on-time', value: 72 } })).status).toBe(200);
    const { type, body, expected } = await serviceKpis();
    expect(type).toContain('application/json');
    expect(body).toMatchObject({ sample: true, asOf: expect.stringMatching(/\+07:00$/) });
    expectConsistentOnTime(
      body.data.rows.find((row) => row.unit === unit),
      72,
    );
    expect(changedUnits(body.data.rows, expected)).toEqual([unit]);
    // Every other field of the row is as generated.
    const row = body.data.rows.find((r) => r.unit === unit);
    const before = expected.find((r) => r.unit === unit);
    expect({ ...row?.rates, 'on-time': null }).toEqual({ ...before?.rates, 'on-time': null });
    expect(row?.counts.received).toBe(before?.counts.received);
    expect([row?.day, row?.at, row?.level]).toEqual([before?.day, before?.at, before?.level]);
  });

  it('without a unit, breaks the first commune row and leaves the province row alone', async () => {
    await setFault({ feed: 'service-kpis', breach: { kpi: 'satisfaction', value: 61.5 } });
    const { body, expected } = await serviceKpis();
    const first = expected.find((row) => row.level === 'commune');
    expect(changedUnits(body.data.rows, expected)).toEqual([first?.unit]);
    const row = body.data.rows.find((r) => r.unit === first?.unit);
    expect(row?.rates.satisfaction).toBe(61.5);
    // Satisfaction is not counted from the row's counts: they stay as they were.
    expect(row?.counts).toEqual(first?.counts);
  });

  it('follows the unit into a filtered answer and leaves answers without it alone', async () => {
    const unit = await someCommune();
    await setFault({ feed: 'service-kpis', breach: { unit, kpi: 'on-time', value: 80.4 } });
    const only = await serviceKpis(`?unit=${unit}`);
    expect(only.body.data.rows.map((row) => row.unit)).toEqual([unit]);
    expectConsistentOnTime(only.body.data.rows[0], 80.4);
    const province = await serviceKpis('?level=province');
    expect(changedUnits(province.body.data.rows, province.expected)).toEqual([]);
  });

  it('is listed among the faults in force, and healing the feed restores the generated figures', async () => {
    const unit = await someCommune();
    await setFault({ feed: 'service-kpis', breach: { unit, kpi: 'on-time', value: 50 } });
    const state = (await (await fetch(CONTROL)).json()) as { faults: Record<string, unknown>; kinds: string[] };
    expect(state.faults).toEqual({ 'service-kpis': { breach: { unit, kpi: 'on-time', value: 50 } } });
    expect(state.kinds).toContain('breach');
    const broken = await serviceKpis();
    expect(changedUnits(broken.body.data.rows, broken.expected)).toEqual([unit]);

    expect((await fetch(`${CONTROL}/service-kpis`, { method: 'DELETE' })).status).toBe(200);
    const healed = await serviceKpis();
    expect(changedUnits(healed.body.data.rows, healed.expected)).toEqual([]);
  });

  it('set on another feed through the registry does nothing to that feed', async () => {
    api.faults.set('observations', { breach: { kpi: 'on-time', value: 10 } });
    const response = await fetch(`${api.baseUrl}/observations?indicator=par`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown }).data).toBeDefined();
  });

  it('goes with other settings: latency first, then the rewrite', async () => {
    await setFault({ feed: 'service-kpis', latencyMs: 20, breach: { kpi: 'on-time', value: 88 } });
    const { body, expected } = await serviceKpis();
    const first = expected.find((row) => row.level === 'commune');
    expectConsistentOnTime(
      body.data.rows.find((row) => row.unit === first?.unit),
      88,
    );
  });
});

describe('counts that agree with a forced on-time rate', () => {
  const rateOf = (c: { resolved: number; resolvedOnTime: number }) => Math.round((c.resolvedOnTime / c.resolved) * 1000) / 10;
  const counts = (resolved: number, pending = 40, overdue = 3) => ({ received: 120, resolved, resolvedOnTime: resolved, pending, overdue });

  it('changes only the files on time when the resolved count can say the rate', () => {
    expect(countsOnTime(counts(200), 72)).toEqual({ ...counts(200), resolvedOnTime: 144 });
    expect(countsOnTime(counts(1000), 72.3)).toEqual({ ...counts(1000), resolvedOnTime: 723 });
  });

  it('gives small consistent counts when nothing was resolved yet', () => {
    const got = countsOnTime(counts(0), 72);
    expect(got.resolved).toBeGreaterThan(0);
    expect(got.resolved).toBeLessThanOrEqual(100);
    expect(rateOf(got)).toBe(72);
    expect(got.resolved + got.pending).toBe(0 + 40);
    expect(got.overdue).toBeLessThanOrEqual(got.pending);
  });

  it('resolves a few more files, out of the pending ones, when too few were resolved for the rate', () => {
    const got = countsOnTime(counts(137), 72);
    expect(got.resolved).toBeGreaterThan(137);
    expect(rateOf(got)).toBe(72);
    expect(got.resolved + got.pending).toBe(137 + 40);
    expect(got.received).toBe(120);
  });

  it('never lets pending go below zero or overdue above pending', () => {
    const got = countsOnTime(counts(3, 1, 1), 72);
    expect(rateOf(got)).toBe(72);
    expect(got.pending).toBe(0);
    expect(got.overdue).toBe(0);
  });

  it('reaches the ends of the scale', () => {
    expect(countsOnTime(counts(37), 0)).toMatchObject({ resolved: 37, resolvedOnTime: 0 });
    expect(countsOnTime(counts(37), 100)).toMatchObject({ resolved: 37, resolvedOnTime: 37 });
  });

  it('agrees with every rate to one decimal, from any resolved count', () => {
    for (const resolved of [0, 1, 7, 99, 137, 999, 4321]) {
      for (let tenths = 0; tenths <= 1000; tenths += 37) {
        const value = tenths / 10;
        const got = countsOnTime(counts(resolved), value);
        expect(rateOf(got), `${resolved} resolved at ${value} %`).toBe(value);
        expect(got.resolvedOnTime).toBeLessThanOrEqual(got.resolved);
        expect(got.resolved).toBeGreaterThanOrEqual(Math.max(1, resolved));
      }
    }
  });
});
