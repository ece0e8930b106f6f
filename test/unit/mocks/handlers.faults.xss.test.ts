import { describe, expect, it } from 'vitest';
import { DISPLAY_KEYS, XSS_PAYLOADS } from '../../../mocks/handlers/faults/xss';
import { useSampleApi } from '../../support/msw';

const NOW = new Date('2026-03-10T03:00:00Z');
const api = useSampleApi({ now: () => NOW });
const CONTROL = 'http://api.test/__mock/faults';

async function setFault(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(CONTROL, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function get(path: string): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(`${api.baseUrl}${path}`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

const isPayload = (text: string) => XSS_PAYLOADS.some((payload) => text.endsWith(` ${payload}`));

/**
 * Walks a healthy body and the same body with xss on side by side: every display string is the original
 * (cut if it must be) followed by a payload, and everything else is as it was. Returns the payloads used.
 */
function compareXss(healthy: unknown, broken: unknown, key = ''): string[] {
  if (typeof healthy === 'string' && (DISPLAY_KEYS.has(key) || key === 'kind#unit')) {
    expect(typeof broken).toBe('string');
    const text = broken as string;
    expect(text.length).toBeLessThanOrEqual(500);
    const payload = XSS_PAYLOADS.find((p) => text.endsWith(` ${p}`));
    expect(payload, `${key}: ${text}`).toBeDefined();
    expect(healthy.startsWith(text.slice(0, text.length - (payload?.length ?? 0) - 1))).toBe(true);
    return [payload ?? ''];
  }
  if (Array.isArray(healthy)) {
    expect(Array.isArray(broken)).toBe(true);
    expect((broken as unknown[]).length).toBe(healthy.length);
    return healthy.flatMap((item, i) => compareXss(item, (broken as unknown[])[i], key === 'units' ? 'unit-row' : key));
  }
  if (typeof healthy === 'object' && healthy !== null) {
    const other = broken as Record<string, unknown>;
    expect(Object.keys(other)).toEqual(Object.keys(healthy));
    return Object.entries(healthy).flatMap(([k, value]) => compareXss(value, other[k], key === 'unit-row' && k === 'kind' ? 'kind#unit' : k));
  }
  expect(broken).toEqual(healthy);
  return [];
}

describe('xss: a script-running payload after every display string', () => {
  const level = () => api.province.meta.levels[1]?.id ?? '';
  it.each([
    ['meta', '/meta'],
    ['units', '/units'],
    ['indicators', '/indicators'],
    ['national', '/national?indicator=par&period=2024'],
    ['events', '/events'],
    ['boundaries', '/boundaries?level=LEVEL'],
  ])('on %s: names, titles, notes, publishers and regions; never ids, codes, levels or dates', async (feed, path) => {
    const url = path.replace('LEVEL', level());
    const healthy = JSON.parse((await get(url)).text) as unknown;
    await setFault({ feed, xss: true });
    const got = await get(url);
    expect(got.status).toBe(200);
    expect(got.type).toContain('json');
    const used = compareXss(healthy, JSON.parse(got.text));
    expect(used.length).toBeGreaterThan(0);
    // Rotating: neighbouring fields get different payloads.
    expect(new Set(used).size).toBe(Math.min(used.length, XSS_PAYLOADS.length));
  });

  it('leaves a feed without display strings as it was', async () => {
    const healthy = (await get('/observations?indicator=par&period=2024')).text;
    await setFault({ feed: 'observations', xss: true });
    expect((await get('/observations?indicator=par&period=2024')).text).toBe(healthy);
  });

  it('puts payloads in the title and detail of an error body, with a status', async () => {
    await setFault({ feed: 'meta', xss: true, status: 503 });
    const got = await get('/meta');
    expect(got.status).toBe(503);
    expect(got.type).toContain('application/problem+json');
    const problem = JSON.parse(got.text) as Record<string, unknown>;
    expect(problem).toMatchObject({ type: 'about:blank', status: 503, instance: '/api/v1/meta' });
    expect(String(problem.title).startsWith('Service Unavailable ')).toBe(true);
    expect(isPayload(String(problem.title))).toBe(true);
    expect(isPayload(String(problem.detail))).toBe(true);
    expect(problem.title).not.toBe(problem.detail);
  });

  it('puts payloads in a route’s own error body too', async () => {
    await setFault({ feed: 'series', xss: true });
    const got = await get('/units/00000/series');
    expect(got.status).toBe(404);
    expect(isPayload(String((JSON.parse(got.text) as { detail: string }).detail))).toBe(true);
  });

  it('puts every payload once in each copy of a duplicated row', async () => {
    await setFault({ feed: 'national', xss: true, duplicates: true });
    const rows = (JSON.parse((await get('/national?indicator=par&period=2024')).text) as { data: { rows: { name: string }[] } }).data.rows;
    for (const row of rows) expect(XSS_PAYLOADS.filter((payload) => row.name.includes(payload))).toHaveLength(1);
  });

  it('keeps a long display string within the contract’s 500 characters', async () => {
    const { withPayload } = await import('../../../mocks/handlers/faults/xss');
    for (const payload of XSS_PAYLOADS) {
      const text = withPayload('x'.repeat(600), payload);
      expect(text.length).toBeLessThanOrEqual(500);
      expect(text.endsWith(payload)).toBe(true);
    }
  });
});

describe('html: a web page where JSON should be', () => {
  it('answers 200 text/html with a sign-in page that is not JSON', async () => {
    await setFault({ feed: 'observations', html: true });
    const got = await get('/observations?indicator=par');
    expect(got.status).toBe(200);
    expect(got.type).toBe('text/html; charset=utf-8');
    expect(got.text.startsWith('<!doctype html>')).toBe(true);
    expect(got.text).toContain('<form');
    expect(() => JSON.parse(got.text) as unknown).toThrow(SyntaxError);
    expect((await get('/meta')).type).toContain('application/json');
  });

  it('with a status, is the error page of a proxy in front of the API', async () => {
    await setFault({ feed: '*', html: true, status: 502 });
    const got = await get('/service-kpis');
    expect(got.status).toBe(502);
    expect(got.type).toBe('text/html; charset=utf-8');
    expect(got.text).toContain('502');
  });

  it('with xss, carries the payloads in the page', async () => {
    await setFault({ feed: 'units', html: true, xss: true });
    const got = await get('/units');
    for (const payload of XSS_PAYLOADS) expect(got.text).toContain(payload);
  });

  it('is left alone by the JSON faults (malformed, rewrites), and heals', async () => {
    await setFault({ feed: 'units', html: true, malformed: true, drift: 'missing-field' });
    const got = await get('/units');
    expect(got.text.trimEnd().endsWith('</html>')).toBe(true);
    await fetch(`${CONTROL}/units`, { method: 'DELETE' });
    expect((await get('/units')).type).toContain('application/json');
  });
});
