import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { Problem } from '../../../src/contract/common';
import { API_PREFIX, ROUTES, type Route } from '../../../src/contract/routes';
import { useSampleApi } from '../../support/msw';

// 2026-03-02 10:04:05 in Vietnam.
const NOW = new Date('2026-03-02T03:04:05.678Z');
const api = useSampleApi({ now: () => NOW });
const { province } = api;

async function getJson(path: string): Promise<{ status: number; type: string; body: unknown }> {
  const response = await fetch(`${api.baseUrl}${path}`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.json() };
}

async function getRows<T>(path: string): Promise<T[]> {
  const { status, body } = await getJson(path);
  expect(status).toBe(200);
  return (body as { data: { rows: T[] } }).data.rows;
}

/** A level that has outlines, so the boundaries route has something to send. */
const mappedLevel = province.meta.levels.find((level) => (province.boundaries[level.id]?.length ?? 0) > 0)?.id ?? '';
const someUnit = province.observations[0]?.unit ?? '';

/** A request for a route with its path parameters and required query parameters filled in. */
function examplePath(route: Route): string {
  const path = route.path.replace('{code}', encodeURIComponent(someUnit));
  const required = route.query.filter((param) => param.required).map((param) => `${param.name}=${param.name === 'level' ? mappedLevel : ''}`);
  return required.length > 0 ? `${path}?${required.join('&')}` : path;
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}

describe('every route of contract v1', () => {
  it.each(ROUTES.map((route) => [route.path, route] as const))('GET %s answers 200 with a body its schema accepts', async (_path, route) => {
    const { status, type, body } = await getJson(examplePath(route));
    expect(status).toBe(200);
    expect(type).toContain(route.mediaType);
    const parsed = v.safeParse(route.response, body);
    expect(parsed.issues?.map((issue) => `${v.getDotPath(issue) ?? ''}: ${issue.message}`)).toBeUndefined();
  });

  it.each(ROUTES.map((route) => [route.path, route] as const))(
    'GET %s is stamped as sample data, as of when its data last changed, in Vietnam time',
    async (_path, route) => {
      const { body } = await getJson(examplePath(route));
      const envelope = body as { asOf: string; sample: boolean };
      expect(envelope.sample).toBe(true);
      expect(envelope.asOf).toMatch(/\+07:00$/);
      // The live KPIs: the minute of their snapshot; the rest: the day's load, at midnight Vietnam time.
      expect(envelope.asOf).toBe(route.feed === 'service-kpis' ? '2026-03-02T10:04:00+07:00' : '2026-03-02T00:00:00+07:00');
    },
  );

  it('serves the boundaries as a GeoJSON FeatureCollection of the level asked for', async () => {
    const { type, body } = await getJson(`/boundaries?level=${mappedLevel}`);
    expect(type).toContain('application/geo+json');
    expect(body).toMatchObject({ type: 'FeatureCollection', sample: true, features: province.boundaries[mappedLevel] });
  });
});

describe('query filters', () => {
  const indicators = distinct(province.observations.map((row) => row.indicator));
  const periods = distinct(province.observations.map((row) => row.period)).sort();
  const levels = distinct(province.observations.map((row) => row.level));

  it('observations without filters are every row', async () => {
    expect(await getRows('/observations')).toEqual(province.observations);
  });

  it('observations?indicator= keeps only the indicators listed', async () => {
    const wanted = indicators.slice(0, 1);
    const rows = await getRows('/observations?indicator=' + wanted.join(','));
    expect(rows).toEqual(province.observations.filter((row) => wanted.includes(row.indicator)));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('observations?period= takes several years, comma separated', async () => {
    const wanted = periods.slice(-2);
    const rows = await getRows(`/observations?period=${wanted.join(',')}`);
    expect(rows).toEqual(province.observations.filter((row) => wanted.includes(row.period)));
  });

  it('observations?level= keeps one level', async () => {
    for (const level of levels) {
      expect(await getRows(`/observations?level=${level}`)).toEqual(province.observations.filter((row) => row.level === level));
    }
  });

  it('observations with every filter at once keep the rows matching all of them', async () => {
    const sample = province.observations.find((row) => row.level !== 'province') ?? province.observations[0];
    if (!sample) throw new Error('the sample has no observations');
    const units = distinct(province.observations.filter((row) => row.level === sample.level).map((row) => row.unit)).slice(0, 2);
    const path = `/observations?indicator=${sample.indicator}&period=${sample.period}&level=${sample.level}&unit=${units.join(',')}`;
    const expected = province.observations.filter(
      (row) => row.indicator === sample.indicator && row.period === sample.period && row.level === sample.level && units.includes(row.unit),
    );
    expect(await getRows(path)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('an indicator nobody publishes matches no rows', async () => {
    expect(await getRows('/observations?indicator=no-such-index')).toEqual([]);
  });

  it('units?level= lists that level and the crosswalk edges touching it', async () => {
    const level = province.units.find((unit) => unit.level !== 'province')?.level ?? 'province';
    const { body } = await getJson(`/units?level=${level}`);
    const data = (body as { data: { units: { level: string; code: string }[]; crosswalk: { from: string; to: string }[] } }).data;
    expect(data.units).toEqual(province.units.filter((unit) => unit.level === level));
    const codes = new Set(data.units.map((unit) => unit.code));
    expect(data.crosswalk).toEqual(province.crosswalk.filter((edge) => codes.has(edge.from) || codes.has(edge.to)));
  });

  it('units without a level list every unit with code, name, level and parent, and the whole crosswalk', async () => {
    const { body } = await getJson('/units');
    const data = (body as { data: { units: Record<string, unknown>[]; crosswalk: unknown[] } }).data;
    expect(data.units).toEqual(province.units);
    expect(data.crosswalk).toEqual(province.crosswalk);
    for (const unit of data.units) expect(Object.keys(unit)).toEqual(expect.arrayContaining(['code', 'name', 'level', 'parent']));
  });

  it('national?indicator=&period= keeps that indicator and years', async () => {
    const row = province.national[0];
    if (!row) throw new Error('the sample has no national rows');
    const rows = await getRows(`/national?indicator=${row.indicator}&period=${row.period}`);
    expect(rows).toEqual(province.national.filter((r) => r.indicator === row.indicator && r.period === row.period));
  });

  it('a unit series holds every row of that unit, or of the indicators asked for', async () => {
    expect(await getRows(`/units/${someUnit}/series`)).toEqual(province.observations.filter((row) => row.unit === someUnit));
    const indicator = indicators[0] ?? '';
    expect(await getRows(`/units/${someUnit}/series?indicator=${indicator}`)).toEqual(
      province.observations.filter((row) => row.unit === someUnit && row.indicator === indicator),
    );
  });

  it('events?indicator= keeps that indicator’s events and those that concern every indicator', async () => {
    const indicator = province.events.find((event) => event.indicator !== undefined)?.indicator ?? indicators[0] ?? '';
    const rows = await getRows<{ indicator?: string }>(`/events?indicator=${indicator}`);
    expect(rows).toEqual(province.events.filter((event) => event.indicator === undefined || event.indicator === indicator));
  });

  it('service-kpis?level=&unit= keep the units asked for, stamped with the snapshot minute', async () => {
    const all = await getRows<{ unit: string; level: string; at: string }>('/service-kpis');
    expect(all.length).toBe(province.service.length);
    const level = all.find((row) => row.level !== 'province')?.level ?? 'province';
    const ofLevel = await getRows<{ level: string }>(`/service-kpis?level=${level}`);
    expect(ofLevel).toEqual(all.filter((row) => row.level === level));
    const units = all.slice(0, 2).map((row) => row.unit);
    const ofUnits = await getRows<{ unit: string }>(`/service-kpis?unit=${units.join(',')}`);
    expect(ofUnits.map((row) => row.unit)).toEqual(units);
    for (const row of all) expect(row.at).toBe('2026-03-02T10:04:00+07:00');
  });
});

describe('bad requests', () => {
  async function expectProblem(path: string, status: number, mentions: string, init?: RequestInit): Promise<void> {
    const response = await fetch(`${api.baseUrl}${path}`, init);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as unknown;
    const problem = v.parse(Problem, body);
    expect(problem.status).toBe(status);
    expect(problem.detail).toContain(mentions);
  }

  it('an unknown level is a 400 problem naming the parameter', async () => {
    await expectProblem('/observations?level=hamlet', 400, 'level');
    await expectProblem('/units?level=hamlet', 400, 'hamlet');
    await expectProblem('/service-kpis?level=hamlet', 400, 'level');
  });

  it('a period that is not a whole number is a 400 problem', async () => {
    await expectProblem('/observations?period=2024.5', 400, 'period');
    await expectProblem('/national?period=2024,last', 400, 'last');
  });

  it('an empty filter is a 400 problem rather than a silent "all"', async () => {
    await expectProblem('/observations?indicator=', 400, 'indicator');
  });

  it('boundaries without a level is a 400 problem saying level is required', async () => {
    await expectProblem('/boundaries', 400, 'required');
  });

  it('the series of an unknown unit is a 404 problem', async () => {
    await expectProblem('/units/no-such-unit/series', 404, 'no-such-unit');
  });

  it('any other path under the API is a 404 problem', async () => {
    await expectProblem('/nothing-here', 404, `${API_PREFIX}/nothing-here`);
    await expectProblem('/units/x/series/extra', 404, 'No route');
  });

  it('another method on a known path is a 405 problem that allows GET', async () => {
    await expectProblem('/meta', 405, 'GET', { method: 'POST', body: '{}' });
  });
});
