// @vitest-environment node
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ServiceKpiRow, ServiceKpisResponse } from '../../../src/contract/serviceKpis';
import { toVnIso } from '../../../src/domain/time';
import { MEMORY_DATA_DIR } from '../../../server/db/open';
import { createHub } from '../../../server/http/hub';
import { MAX_INGEST_ROWS } from '../../../server/http/ingest';
import { startHub, type RunningHub } from '../../../server/start';
import { issueSourceToken, revokeSource } from '../../../server/write/sources';
import { url } from './support/cases';
import { serviceFingerprint } from './support/fingerprint';
import { AT, fixedClock, sampleProvince } from './support/implementations';

/**
 * The one-stop-shop system pushes snapshots to POST /api/v1/service-kpis with its own token: what it is told,
 * what is stored (all or nothing), and what the audit log says.
 */

let hub: RunningHub;
let token: string;
let commune: ServiceKpiRow;
beforeAll(async () => {
  hub = await startHub({ store: { kind: 'pglite', dataDir: MEMORY_DATA_DIR }, sample: sampleProvince, now: fixedClock });
  token = await issueSourceToken(hub.db, 'one-stop-shop', 'Hệ thống thông tin giải quyết thủ tục hành chính');
  const today = (await (await hub.handler(new Request(url('/service-kpis?unit=99003')))).json()) as ServiceKpisResponse;
  commune = today.data.rows[0] as ServiceKpiRow;
}, 120_000);
afterAll(async () => {
  await hub.close();
});

/** The commune's figures `minutes` after the suite's clock, with `extra` more files received. */
const snapshot = (minutes: number, extra = 0): ServiceKpiRow => ({
  ...commune,
  at: toVnIso(new Date(AT.getTime() + minutes * 60_000)),
  counts: { ...commune.counts, received: commune.counts.received + extra },
});

function push(body: unknown, headers: Record<string, string> = { Authorization: `Bearer ${token}` }): Promise<Response> {
  return hub.handler(
    new Request(url('/service-kpis'), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  );
}

/** Today's figures of the commune as a hub whose clock is `minutes` past the suite's sees them. */
async function todayAt(minutes: number): Promise<ServiceKpisResponse> {
  const at = new Date(AT.getTime() + minutes * 60_000);
  return (await (await createHub({ db: hub.db, now: () => at })(new Request(url('/service-kpis?unit=99003')))).json()) as ServiceKpisResponse;
}

async function audit(): Promise<{ actor: string; action: string; outcome: string; detail: Record<string, unknown> }[]> {
  return hub.db.selectFrom('audit_log').select(['actor', 'action', 'outcome', 'detail']).orderBy('id').execute();
}

describe('a push from a source with its token', () => {
  test("is stored: today's figures show it, and the audit log says who sent what", async () => {
    const response = await push({ rows: [snapshot(3, 7)] });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ rows: 1, snapshots: 1 });
    const later = await todayAt(3);
    expect(later.data.rows).toEqual([snapshot(3, 7)]);
    expect(later.asOf).toBe('2026-03-10T10:03:00+07:00');
    expect((await audit()).at(-1)).toEqual({ actor: 'source:one-stop-shop', action: 'ingest-service-kpis', outcome: 'done', detail: { rows: 1, snapshots: 1 } });
  });

  test('sent twice, is stored once', async () => {
    const before = await serviceFingerprint(hub.db);
    expect(await (await push({ rows: [snapshot(3, 7)] })).json()).toEqual({ rows: 1, snapshots: 0 });
    expect(await serviceFingerprint(hub.db)).toBe(before);
  });
});

describe('a push that cannot be taken stores nothing', () => {
  test.each([
    ['no token', {}, 'Bearer realm="hub"'],
    ['a token the hub never issued', { Authorization: 'Bearer ioc_src_not-a-token' }, 'Bearer realm="hub", error="invalid_token"'],
    ['a malformed Authorization header', { Authorization: 'Basic dXNlcjpwYXNz' }, 'Bearer realm="hub", error="invalid_token"'],
  ])('with %s: 401, and a header that says how to authenticate', async (_name, headers, challenge) => {
    const before = await serviceFingerprint(hub.db);
    const entries = (await audit()).length;
    const response = await push({ rows: [snapshot(10, 50)] }, headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(challenge);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(await serviceFingerprint(hub.db)).toBe(before);
    expect((await audit()).length).toBe(entries);
  });

  test('with a revoked token: 401', async () => {
    const other = await issueSourceToken(hub.db, 'old-system', 'Hệ thống cũ');
    expect(await revokeSource(hub.db, 'old-system')).toBe(true);
    const before = await serviceFingerprint(hub.db);
    const response = await push({ rows: [snapshot(11, 50)] }, { Authorization: `Bearer ${other}` });
    expect(response.status).toBe(401);
    expect(await serviceFingerprint(hub.db)).toBe(before);
  });

  test('with one bad row among good ones: 422 naming every problem, and the refusal in the audit log', async () => {
    const before = await serviceFingerprint(hub.db);
    const response = await push({ rows: [snapshot(12, 1), { ...snapshot(13), unit: '12345' }, { ...snapshot(14), rates: { ...commune.rates, 'on-time': 101 } }] });
    expect(response.status).toBe(422);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const problem = (await response.json()) as { detail: string; issues: unknown[] };
    expect(problem.detail).toBe('2 problems in the rows sent; nothing was stored. Each issue names the row (from 0), the field and why.');
    expect(problem.issues).toEqual([
      { row: 1, field: 'unit', reason: 'No unit "12345"; GET /units lists the unit codes.' },
      { row: 2, field: 'rates.on-time', reason: expect.stringContaining('<=100') },
    ]);
    expect(await serviceFingerprint(hub.db)).toBe(before);
    expect((await audit()).at(-1)).toMatchObject({ actor: 'source:one-stop-shop', outcome: 'refused', detail: { rows: 3, problems: 2 } });
  });

  test.each([
    ['a body that is not JSON', '{"rows": [', 'application/json', 400, 'The body is not JSON'],
    ['JSON without rows', { snapshot: [] }, 'application/json', 400, 'The body must be { "rows": [ … ] }'],
    ['no rows at all', { rows: [] }, 'application/json', 400, 'with at least one row'],
    ['a form instead of JSON', 'rows=1', 'application/x-www-form-urlencoded', 415, 'Send the rows as application/json'],
    ['too many rows', { rows: Array.from({ length: MAX_INGEST_ROWS + 1 }, () => 0) }, 'application/json', 413, `up to ${MAX_INGEST_ROWS} rows`],
  ])('with %s: %s', async (_name, body, type, status, words) => {
    const before = await serviceFingerprint(hub.db);
    const response = await push(body, { Authorization: `Bearer ${token}`, 'Content-Type': type });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { detail: string }).detail).toContain(words);
    expect(await serviceFingerprint(hub.db)).toBe(before);
  });
});

test('other methods on the live figures are told that GET and POST are allowed', async () => {
  const response = await hub.handler(new Request(url('/service-kpis'), { method: 'PUT', body: '{}' }));
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe('GET, POST');
});
