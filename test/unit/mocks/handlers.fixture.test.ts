import { describe, expect, it } from 'vitest';
import { getResponse } from 'msw';
import { createHandlers } from '../../../mocks/handlers';
import { fixtureProvince } from './fixtures/province';

// A hand-built province where every row is known, asked through msw's getResponse (no server at all).
const province = fixtureProvince();
const handlers = createHandlers(province, { now: () => new Date('2025-12-31T17:00:00Z') });

async function get(path: string, origin = 'http://any.origin'): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await getResponse(handlers, new Request(`${origin}/api/v1${path}`));
  if (!response) throw new Error(`no handler answered ${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the handlers over a known province', () => {
  it('answer on any origin, stamped in Vietnam time across midnight UTC', async () => {
    for (const origin of ['http://localhost:5173', 'https://ioc.example.vn', 'http://127.0.0.1:4173']) {
      const { status, body } = await get('/meta', origin);
      expect(status).toBe(200);
      expect(body.asOf).toBe('2026-01-01T00:00:00+07:00');
    }
  });

  it('keep tied ranks as the data has them', async () => {
    const { body } = await get('/observations?indicator=par&period=2025&level=commune');
    const rows = (body.data as { rows: { unit: string; rank: number }[] }).rows;
    expect(rows.map((row) => [row.unit, row.rank])).toEqual([
      ['99001', 2],
      ['99002', 2],
      ['99003', 1],
    ]);
  });

  it('list a district level’s units with the crosswalk edges out of them', async () => {
    const { body } = await get('/units?level=district');
    const data = body.data as { units: { code: string }[]; crosswalk: { from: string; to: string }[] };
    expect(data.units.map((unit) => unit.code)).toEqual(['990', '991']);
    expect(data.crosswalk).toHaveLength(4);
    const province99 = await get('/units?level=province');
    expect((province99.body.data as { crosswalk: unknown[] }).crosswalk).toEqual([]);
  });

  it('keep the events of an indicator plus those about every indicator', async () => {
    const { body } = await get('/events?indicator=dti');
    expect((body.data as { rows: { id: string }[] }).rows.map((row) => row.id)).toEqual(['e1', 'e3']);
  });

  it('answer a level without outlines with an empty FeatureCollection', async () => {
    const { status, body } = await get('/boundaries?level=district');
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: 'FeatureCollection', sample: true, features: [] });
  });

  it('take repeated and spaced filter values', async () => {
    const { body } = await get('/observations?unit=99001&unit=%2099003%20&indicator=par');
    expect((body.data as { rows: { unit: string }[] }).rows.map((row) => row.unit)).toEqual(['99001', '99003']);
  });

  it('leave requests outside /api/v1 and /__mock to others', async () => {
    expect(await getResponse(handlers, new Request('http://any.origin/assets/app.js'))).toBeUndefined();
    expect(await getResponse(handlers, new Request('http://any.origin/api/v10/meta'))).toBeUndefined();
  });
});
