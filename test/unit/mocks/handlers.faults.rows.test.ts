import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { NationalRow } from '../../../src/contract/national';
import { ObservationRow } from '../../../src/contract/observations';
import { ServiceKpiRow } from '../../../src/contract/serviceKpis';
import { Unit } from '../../../src/contract/units';
import { Indicator } from '../../../src/contract/indicators';
import { EventRow } from '../../../src/contract/events';
import { BoundaryFeature } from '../../../src/contract/boundaries';
import { UNKNOWN_INDICATOR, UNKNOWN_UNIT } from '../../../mocks/handlers/faults';
import { useSampleApi } from '../../support/msw';

// A fixed clock: the live KPIs are the same in every answer, so a faulted answer compares with a healthy one.
const NOW = new Date('2026-03-10T03:00:00Z');
const api = useSampleApi({ now: () => NOW });
const CONTROL = 'http://api.test/__mock/faults';

type Body = Record<string, unknown> & { data: Record<string, unknown> };
type Row = Record<string, unknown>;

async function setFault(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(CONTROL, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function heal(): Promise<void> {
  await fetch(CONTROL, { method: 'DELETE' });
}

async function text(path: string): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(`${api.baseUrl}${path}`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

async function json(path: string): Promise<Body> {
  const got = await text(path);
  expect(got.status).toBe(200);
  expect(got.type).toContain('json');
  return JSON.parse(got.text) as Body;
}

/** The feed's answer with and without `fault`, in that order. */
async function compare(path: string, fault: Record<string, unknown>): Promise<{ healthy: Body; broken: Body }> {
  await heal();
  const healthy = await json(path);
  await setFault(fault);
  const broken = await json(path);
  return { healthy, broken };
}

const rowsOf = (body: Body, key = 'rows'): Row[] => ((body.data as Record<string, unknown> | undefined)?.[key] ?? body[key]) as Row[];
const feedOf = (path: string) => (path.startsWith('/service-kpis') ? 'service-kpis' : path.startsWith('/national') ? 'national' : 'observations');

const OBSERVATIONS = '/observations?indicator=par&period=2024';
const NATIONAL = '/national?indicator=pci&period=2024';
const SERVICE = '/service-kpis';
const SCHEMAS = { observations: ObservationRow, national: NationalRow, 'service-kpis': ServiceKpiRow } as const;

describe('drift: the first row of the row list breaks the contract, the others stay as they were', () => {
  it.each([
    ['missing-field', OBSERVATIONS, (row: Row) => expect(row).not.toHaveProperty('value')],
    ['missing-field', NATIONAL, (row: Row) => expect(row).not.toHaveProperty('value')],
    ['missing-field', SERVICE, (row: Row) => expect(row).not.toHaveProperty('counts')],
    ['wrong-type', OBSERVATIONS, (row: Row, before: Row) => expect(row.value).toBe(String(before.value).replace('.', ','))],
    ['wrong-type', NATIONAL, (row: Row, before: Row) => expect(row.value).toBe(String(before.value).replace('.', ','))],
    ['wrong-type', SERVICE, (row: Row, before: Row) => expect((row.rates as Row)['on-time']).toBe(String((before.rates as Row)['on-time']).replace('.', ','))],
    [
      'unknown-indicator',
      OBSERVATIONS,
      (row: Row) => {
        expect(row.indicator).toBe(UNKNOWN_INDICATOR);
        expect(api.province.indicators.map((indicator) => indicator.id)).not.toContain(UNKNOWN_INDICATOR);
      },
    ],
    ['unknown-indicator', NATIONAL, (row: Row) => expect(row.indicator).toBe(UNKNOWN_INDICATOR)],
    [
      'unknown-indicator',
      SERVICE,
      (row: Row, before: Row) => {
        expect(row.rates).not.toHaveProperty('on-time');
        expect((row.rates as Row)[UNKNOWN_INDICATOR]).toBe((before.rates as Row)['on-time']);
      },
    ],
    [
      'unknown-unit',
      OBSERVATIONS,
      (row: Row) => {
        expect(row.unit).toBe(UNKNOWN_UNIT);
        expect(api.province.units.map((unit) => unit.code)).not.toContain(UNKNOWN_UNIT);
      },
    ],
    ['unknown-unit', NATIONAL, (row: Row) => expect(row.province).toBe(UNKNOWN_UNIT)],
    ['unknown-unit', SERVICE, (row: Row) => expect(row.unit).toBe(UNKNOWN_UNIT)],
  ] as const)('%s on %s', async (kind, path, check) => {
    const { healthy, broken } = await compare(path, { feed: feedOf(path), drift: kind });
    const [first, ...rest] = rowsOf(broken);
    const [before, ...restBefore] = rowsOf(healthy);
    expect(first).toBeDefined();
    check(first ?? {}, before ?? {});
    expect(rest).toEqual(restBefore);
    expect({ ...broken, data: null }).toEqual({ ...healthy, data: null });
    // A shape drift breaks the row schema for that row only; a reference drift keeps the shape.
    const schema = SCHEMAS[feedOf(path)];
    expect(v.safeParse(schema, first).success).toBe(kind.startsWith('unknown-'));
    expect(rest.every((row) => v.safeParse(schema, row).success)).toBe(true);
  });

  it('acts on the nearest field of the other feeds', async () => {
    const units = await compare('/units', { feed: 'units', drift: 'missing-field' });
    expect(rowsOf(units.broken, 'units')[0]).not.toHaveProperty('name');
    expect(v.safeParse(Unit, rowsOf(units.broken, 'units')[0]).success).toBe(false);
    expect(units.broken.data.crosswalk).toEqual(units.healthy.data.crosswalk);

    const code = await compare('/units', { feed: 'units', drift: 'wrong-type' });
    expect(rowsOf(code.broken, 'units')[0]?.code).toBe(Number(rowsOf(code.healthy, 'units')[0]?.code));

    const parent = await compare('/units', { feed: 'units', drift: 'unknown-unit' });
    expect(rowsOf(parent.broken, 'units')[0]?.parent).toBe(UNKNOWN_UNIT);

    const catalogue = await compare('/indicators', { feed: 'indicators', drift: 'missing-field' });
    expect(rowsOf(catalogue.broken, 'indicators')[0]).not.toHaveProperty('id');
    expect(v.safeParse(Indicator, rowsOf(catalogue.broken, 'indicators')[0]).success).toBe(false);
    const renamed = await compare('/indicators', { feed: 'indicators', drift: 'unknown-indicator' });
    expect(rowsOf(renamed.broken, 'indicators')[0]?.id).toBe(UNKNOWN_INDICATOR);
    const scale = await compare('/indicators', { feed: 'indicators', drift: 'wrong-type' });
    expect((rowsOf(scale.broken, 'indicators')[0]?.scale as Row).max).toBe('100');

    const events = await compare('/events', { feed: 'events', drift: 'missing-field' });
    expect(rowsOf(events.broken)[0]).not.toHaveProperty('date');
    expect(v.safeParse(EventRow, rowsOf(events.broken)[0]).success).toBe(false);
    const eventIndicator = await compare('/events', { feed: 'events', drift: 'unknown-indicator' });
    expect(rowsOf(eventIndicator.broken)[0]?.indicator).toBe(UNKNOWN_INDICATOR);

    const level = api.province.meta.levels[1]?.id ?? '';
    const outline = await compare(`/boundaries?level=${level}`, { feed: 'boundaries', drift: 'missing-field' });
    expect(rowsOf(outline.broken, 'features')[0]).not.toHaveProperty('geometry');
    expect(v.safeParse(BoundaryFeature, rowsOf(outline.broken, 'features')[0]).success).toBe(false);
    const listed = await compare(`/boundaries?level=${level}`, { feed: 'boundaries', drift: 'wrong-type' });
    const healthyCode = (rowsOf(listed.healthy, 'features')[0]?.properties as Row).code;
    expect((rowsOf(listed.broken, 'features')[0]?.properties as Row).code).toEqual([healthyCode]);
    const outlineCode = await compare(`/boundaries?level=${level}`, { feed: 'boundaries', drift: 'unknown-unit' });
    expect((rowsOf(outlineCode.broken, 'features')[0]?.properties as Row).code).toBe(UNKNOWN_UNIT);
    expect(rowsOf(outlineCode.broken, 'features').slice(1)).toEqual(rowsOf(outlineCode.healthy, 'features').slice(1));
  });

  it('leaves a body unchanged where a kind has no field to act on, and meta, which has no rows', async () => {
    for (const [path, feed, kind] of [
      ['/units', 'units', 'unknown-indicator'],
      ['/indicators', 'indicators', 'unknown-unit'],
      ['/meta', 'meta', 'missing-field'],
    ] as const) {
      const { healthy, broken } = await compare(path, { feed, drift: kind });
      expect(broken).toEqual(healthy);
    }
  });
});

describe('outOfRange: values past the ends of their scale in the first third of the rows', () => {
  async function check(path: string, feed: string, kind: 'negative' | 'above-max', expected: number, read: (row: Row) => unknown): Promise<void> {
    const { healthy, broken } = await compare(path, { feed, outOfRange: kind });
    const rows = rowsOf(broken);
    const third = Math.ceil(rows.length / 3);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.slice(0, third).map(read)).toEqual(Array.from({ length: third }, () => expected));
    expect(rows.slice(third)).toEqual(rowsOf(healthy).slice(third));
  }

  it('-5 on any scale', async () => {
    await check(OBSERVATIONS, 'observations', 'negative', -5, (row) => row.value);
    await check('/national?indicator=dti&period=2024', 'national', 'negative', -5, (row) => row.value);
    await check(SERVICE, 'service-kpis', 'negative', -5, (row) => (row.rates as Row)['on-time']);
  });

  it('past the maximum of the indicator’s own scale: 120 on 0–100, 100 on PAPI’s 10–80, 1.7 on 0–1', async () => {
    await check(OBSERVATIONS, 'observations', 'above-max', 120, (row) => row.value);
    await check('/national?indicator=papi&period=2024', 'national', 'above-max', 100, (row) => row.value);
    await check('/national?indicator=ict&period=2024', 'national', 'above-max', 1.7, (row) => row.value);
    await check('/observations?indicator=dti&period=2024', 'observations', 'above-max', 1.7, (row) => row.value);
    await check(SERVICE, 'service-kpis', 'above-max', 120, (row) => (row.rates as Row)['on-time']);
  });

  it('touches at least one row of a one-row answer', async () => {
    const { broken } = await compare('/observations?indicator=par&period=2024&level=province', { feed: 'observations', outOfRange: 'negative' });
    expect(rowsOf(broken).map((row) => row.value)).toEqual([-5]);
  });
});

describe('nonFinite: the first row’s value as a token JSON does not have', () => {
  it.each([
    ['nan', 'NaN'],
    ['infinity', 'Infinity'],
  ] as const)('%s: a bare %s in the body text, which JSON.parse refuses', async (kind, token) => {
    await heal();
    const healthy = await json(OBSERVATIONS);
    await setFault({ feed: 'observations', nonFinite: kind });
    const got = await text(OBSERVATIONS);
    expect(got.status).toBe(200);
    expect(got.type).toContain('application/json');
    expect(got.text).toContain(`"value":${token},`);
    expect(() => JSON.parse(got.text) as unknown).toThrow(SyntaxError);
    // With the token read as a number, it is the healthy answer but for that one value.
    const repaired = JSON.parse(got.text.replace(`"value":${token},`, '"value":"x",')) as Body;
    expect(rowsOf(repaired)[0]?.value).toBe('x');
    expect(rowsOf(repaired).slice(1)).toEqual(rowsOf(healthy).slice(1));
  });

  it('null: valid JSON, but no number where the contract wants one', async () => {
    const { healthy, broken } = await compare(NATIONAL, { feed: 'national', nonFinite: 'null' });
    expect(rowsOf(broken)[0]?.value).toBeNull();
    expect(rowsOf(broken).slice(1)).toEqual(rowsOf(healthy).slice(1));
  });

  it('on service-kpis, the first row’s on-time rate', async () => {
    await setFault({ feed: 'service-kpis', nonFinite: 'nan' });
    const got = await text(SERVICE);
    expect(got.text.indexOf('"rates":{"on-time":NaN,')).toBe(got.text.indexOf('"rates":{'));
    expect(got.text.match(/NaN/g)).toHaveLength(1);
  });
});

describe('empty, duplicates and otherPeriod', () => {
  it('empty: no rows, and the rest of the envelope as it was', async () => {
    for (const [path, feed, key] of [
      [OBSERVATIONS, 'observations', 'rows'],
      [SERVICE, 'service-kpis', 'rows'],
      ['/units', 'units', 'units'],
      ['/indicators', 'indicators', 'indicators'],
    ] as const) {
      const { healthy, broken } = await compare(path, { feed, empty: true });
      expect(rowsOf(broken, key)).toEqual([]);
      expect({ ...broken, data: { ...broken.data, [key]: null } }).toEqual({ ...healthy, data: { ...healthy.data, [key]: null } });
    }
    const level = api.province.meta.levels[0]?.id ?? '';
    const outlines = await compare(`/boundaries?level=${level}`, { feed: 'boundaries', empty: true });
    expect(outlines.broken).toEqual({ ...outlines.healthy, features: [] });
  });

  it('duplicates: every row twice', async () => {
    const { healthy, broken } = await compare(NATIONAL, { feed: 'national', duplicates: true });
    expect(rowsOf(broken)).toEqual([...rowsOf(healthy), ...rowsOf(healthy)]);
  });

  it('otherPeriod: years three earlier than asked', async () => {
    const { healthy, broken } = await compare(OBSERVATIONS, { feed: 'observations', otherPeriod: true });
    expect(new Set(rowsOf(broken).map((row) => row.period))).toEqual(new Set([2021]));
    expect(rowsOf(broken).map((row) => ({ ...row, period: 0 }))).toEqual(rowsOf(healthy).map((row) => ({ ...row, period: 0 })));
    const national = await compare(NATIONAL, { feed: 'national', otherPeriod: true });
    expect(rowsOf(national.broken).every((row) => row.period === 2021)).toBe(true);
  });

  it('otherPeriod: live KPIs of two days before, with their instant', async () => {
    const { healthy, broken } = await compare(SERVICE, { feed: 'service-kpis', otherPeriod: true });
    expect(rowsOf(broken).map((row) => [row.day, row.at])).toEqual(rowsOf(healthy).map(() => ['2026-03-08', '2026-03-08T10:00:00+07:00']));
    expect(rowsOf(healthy)[0]).toMatchObject({ day: '2026-03-10', at: '2026-03-10T10:00:00+07:00' });
    expect(broken.asOf).toBe(healthy.asOf);
  });
});

describe('row faults together, and with the others', () => {
  it('apply in order: drift, outOfRange, nonFinite, empty, duplicates, otherPeriod', async () => {
    const { healthy, broken } = await compare(OBSERVATIONS, { feed: 'observations', drift: 'unknown-unit', outOfRange: 'negative', duplicates: true, otherPeriod: true });
    const rows = rowsOf(broken);
    const before = rowsOf(healthy);
    expect(rows).toHaveLength(before.length * 2);
    // The duplicates copy the rows as the rewrites before them left them.
    expect(rows.slice(before.length)).toEqual(rows.slice(0, before.length));
    expect(rows[0]).toMatchObject({ unit: UNKNOWN_UNIT, value: -5, period: 2021 });
    expect(rows[before.length - 1]).toEqual({ ...before[before.length - 1], period: 2021 });
  });

  it('empty wins over duplicates and every other row fault', async () => {
    const { broken } = await compare(OBSERVATIONS, { feed: 'observations', empty: true, duplicates: true, drift: 'missing-field' });
    expect(rowsOf(broken)).toEqual([]);
  });

  it('nonFinite comes after outOfRange: the first value is NaN, the rest of the third out of range', async () => {
    await setFault({ feed: 'observations', outOfRange: 'above-max', nonFinite: 'nan' });
    const got = await text(OBSERVATIONS);
    const rows = rowsOf(JSON.parse(got.text.replace('"value":NaN', '"value":null')) as Body);
    expect(rows[0]?.value).toBeNull();
    expect(rows[1]?.value).toBe(120);
  });

  it('leave error answers alone: with a status, the problem body is the usual one', async () => {
    await setFault({ feed: 'observations', status: 503, drift: 'missing-field', empty: true, duplicates: true });
    const got = await text(OBSERVATIONS);
    expect(got.status).toBe(503);
    expect(JSON.parse(got.text)).toMatchObject({ status: 503, title: 'Service Unavailable' });
  });

  it('go with latency, and heal with the feed', async () => {
    await setFault({ feed: 'national', latencyMs: 30, drift: 'missing-field', duplicates: true });
    const started = performance.now();
    const broken = await json(NATIONAL);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(rowsOf(broken)[0]).not.toHaveProperty('value');
    await fetch(`${CONTROL}/national`, { method: 'DELETE' });
    expect(rowsOf(await json(NATIONAL)).every((row) => v.safeParse(NationalRow, row).success)).toBe(true);
  });
});
