// @vitest-environment node
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EditingConfig } from '../../../server/auth/config';
import { createEditorCheck } from '../../../server/auth/editorCheck';
import { migrateToLatest } from '../../../server/db/migrate';
import { MEMORY_DATA_DIR, openDatabase } from '../../../server/db/open';
import type { Database } from '../../../server/db/schema';
import { createHub, type FetchHandler } from '../../../server/http/hub';
import { startSampleProvider, type RunningProvider } from '../../../server/identity/sampleProvider';
import { readObservations } from '../../../server/read/observations';
import { seedSampleIfEmpty } from '../../../server/seed/sample';
import { API_PREFIX } from '../../../src/contract/routes';
import { signIn } from '../../support/signIn';
import { resultsFingerprint } from './support/fingerprint';
import { sampleProvince } from './support/implementations';

/**
 * Writing through the hub's HTTP routes, as the import page does it: editors signed in at a real OpenID
 * Connect provider (oidc-provider, authorization code with PKCE), their JWT access tokens checked by the hub
 * with jose. Every refused token leaves the database as it was (row counts and a hash).
 */

const CLIENT = 'ioc-dashboard';
const REDIRECT = 'http://127.0.0.1:4173/signed-in';
const ACCOUNTS = { bientap: { name: 'Nguyễn Văn Biên', roles: ['ioc-editor'] }, xem: { name: 'Trần Thị Xem', roles: ['viewer'] } };
const NOW = new Date('2026-03-10T03:00:00Z');

const districts = sampleProvince()
  .units.filter((unit) => unit.level === 'district')
  .map((unit) => unit.code);
const pciCsv = `Chỉ số;Năm;Mã đơn vị;Điểm\n${districts.map((code, i) => `pci;2024;${code};${50 + i},5`).join('\n')}\n`;

let db: Kysely<Database>;
let idp: RunningProvider;
let other: RunningProvider;
let config: EditingConfig;
let hub: FetchHandler;
let editorToken: string;
let viewerToken: string;

const tokensOf = async (provider: RunningProvider, login: string) => (await signIn(provider.issuer, { clientId: CLIENT, redirectUri: REDIRECT, login })).accessToken;

function hubWith(tokenClock: () => Date = () => new Date(), overrides: Partial<EditingConfig> = {}): FetchHandler {
  const settings = { ...config, ...overrides };
  return createHub({ db, now: () => NOW, editing: { config: settings, check: createEditorCheck(settings, { now: tokenClock }) }, log: () => undefined });
}

function upload(name: string, text: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set('file', new File([text], name, { type: 'text/csv' }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

const post = (handler: FetchHandler, route: string, token: string | null, body?: BodyInit) =>
  handler(new Request(`http://hub${API_PREFIX}/${route}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body }));
const get = (handler: FetchHandler, route: string, token: string | null) =>
  handler(new Request(`http://hub${API_PREFIX}/${route}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));

beforeAll(async () => {
  db = openDatabase({ kind: 'pglite', dataDir: MEMORY_DATA_DIR });
  await migrateToLatest(db);
  await seedSampleIfEmpty(db, sampleProvince);
  idp = await startSampleProvider({ clientId: CLIENT, redirectUris: [REDIRECT], audience: CLIENT, accounts: ACCOUNTS });
  other = await startSampleProvider({ clientId: CLIENT, redirectUris: [REDIRECT], audience: CLIENT, accounts: ACCOUNTS });
  config = { issuer: idp.issuer, clientId: CLIENT, audience: CLIENT, editorRole: 'ioc-editor', rolesClaim: 'roles', scope: 'openid profile' };
  hub = hubWith();
  editorToken = await tokensOf(idp, 'bientap');
  viewerToken = await tokensOf(idp, 'xem');
}, 120_000);
afterAll(async () => {
  await idp?.stop();
  await other?.stop();
  await db?.destroy();
});

describe('GET /editing tells the app where to sign in', () => {
  test('with the provider, the client and the scope', async () => {
    const answer = await get(hub, 'editing', null);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ enabled: true, issuer: idp.issuer, clientId: CLIENT, audience: CLIENT, scope: 'openid profile' });
  });

  test('or that editing is off, and then every write is refused', async () => {
    const off = createHub({ db, now: () => NOW, log: () => undefined });
    expect(await (await get(off, 'editing', null)).json()).toEqual({ enabled: false });
    const answer = await post(off, 'imports', editorToken, upload('pci.csv', pciCsv));
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { detail: string }).detail).toContain('no identity provider (OIDC_ISSUER)');
  });
});

describe('a write without an editor\'s token is refused and writes nothing', () => {
  test.each([
    ['no token', null, 401, /^Bearer realm="hub"$/, 'sign in'],
    ['not a token', 'not-a-jwt', 401, /error="invalid_token"/, 'not a JWT access token'],
  ])('%s: %i', async (_name, token, status, challenge, detail) => {
    const before = await resultsFingerprint(db);
    const answer = await post(hub, 'imports', token, upload('pci.csv', pciCsv));
    expect(answer.status).toBe(status);
    expect(answer.headers.get('www-authenticate')).toMatch(challenge);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(((await answer.json()) as { detail: string }).detail).toContain(detail);
    expect(await resultsFingerprint(db)).toBe(before);
  });

  test('a token from another provider is not signed by ours', async () => {
    const before = await resultsFingerprint(db);
    const answer = await post(hub, 'imports', await tokensOf(other, 'bientap'), upload('pci.csv', pciCsv));
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { detail: string }).detail).toMatch(/"iss" claim|not signed by the identity provider/);
    expect(await resultsFingerprint(db)).toBe(before);
  });

  test('an expired token asks to sign in again', async () => {
    const later = hubWith(() => new Date(Date.now() + 3600_000));
    const answer = await post(later, 'imports', editorToken, upload('pci.csv', pciCsv));
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { detail: string }).detail).toContain('it has expired; sign in again');
  });

  test('a token for another audience is refused', async () => {
    const answer = await post(hubWith(undefined, { audience: 'another-api' }), 'imports', editorToken, upload('pci.csv', pciCsv));
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { detail: string }).detail).toContain('"aud" claim');
  });

  test('a signed-in user without the editor role gets 403, and the attempt is in the audit log', async () => {
    const before = await resultsFingerprint(db);
    const answer = await post(hub, 'imports', viewerToken, upload('pci.csv', pciCsv));
    expect(answer.status).toBe(403);
    expect(answer.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(((await answer.json()) as { detail: string }).detail).toContain('Signed in as xem, without the role "ioc-editor"');
    expect(await resultsFingerprint(db)).toBe(before);
    const audit = await db.selectFrom('audit_log').select(['actor', 'action', 'outcome']).where('actor', '=', 'editor:xem').execute();
    expect(audit).toEqual([{ actor: 'editor:xem', action: 'POST imports', outcome: 'refused' }]);
    expect((await get(hub, 'audit', viewerToken)).status).toBe(403);
  });

  test('an identity provider that cannot be reached gets 503 with Retry-After, not a 401', async () => {
    const unreachable = hubWith(undefined, { issuer: 'http://127.0.0.1:9' });
    const answer = await post(unreachable, 'imports', editorToken, upload('pci.csv', pciCsv));
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(((await answer.json()) as { detail: string }).detail).toContain('cannot be reached');
  });
});

describe('an editor imports, lists and undoes through HTTP', () => {
  test('a dry run answers the report and writes nothing', async () => {
    const before = await resultsFingerprint(db);
    const answer = await post(hub, 'imports', editorToken, upload('pci-2024.csv', pciCsv, { dryRun: 'true' }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const report = (await answer.json()) as { outcome: string; rows: number; counts: { changed: number } };
    expect(report).toMatchObject({ outcome: 'dry-run', rows: districts.length, counts: { changed: districts.length } });
    expect(await resultsFingerprint(db)).toBe(before);
  });

  test('the import is stored, named after the editor in the import list and the audit log', async () => {
    const answer = await post(hub, 'imports', editorToken, upload('pci-2024.csv', pciCsv));
    expect(answer.status).toBe(200);
    const report = (await answer.json()) as { outcome: string; importId: string };
    expect(report.outcome).toBe('imported');
    const rows = (await readObservations(db, { indicators: ['pci'], periods: [2024], level: 'district' })).rows;
    expect(rows.find((row) => row.unit === districts[0])?.value).toBe(50.5);
    const list = (await (await get(hub, 'imports', editorToken)).json()) as { imports: { id: string; actor: string; fileName: string }[] };
    expect(list.imports[0]).toMatchObject({ id: report.importId, actor: 'editor:bientap', fileName: 'pci-2024.csv' });
    const audit = (await (await get(hub, 'audit?limit=2', editorToken)).json()) as { entries: { actor: string; action: string; outcome: string }[] };
    expect(audit.entries[0]).toMatchObject({ actor: 'editor:bientap', action: 'import', outcome: 'done' });
  });

  test('a refused file answers 422 with every problem located, and writes nothing', async () => {
    const before = await resultsFingerprint(db);
    const answer = await post(hub, 'imports', editorToken, upload('comma.csv', `Chỉ số,Năm,Mã đơn vị,Điểm\npci,2024,${districts[0]},58,25\n`));
    expect(answer.status).toBe(422);
    const body = (await answer.json()) as { detail: string; report: { outcome: string; problems: { row: number; column: string; message: { vi: string } }[] } };
    expect(body.detail).toBe('1 problem in comma.csv; nothing was written. Each names its sheet, row and column.');
    expect(body.report.problems).toMatchObject([{ row: 2, column: 'E', message: { vi: expect.stringContaining('Ô E2') } }]);
    expect(await resultsFingerprint(db)).toBe(before);
  });

  test('undo puts the figures back; again is a 409 that says why; an unknown import is a 404', async () => {
    const [latest] = ((await (await get(hub, 'imports', editorToken)).json()) as { imports: { id: string }[] }).imports;
    const undone = await post(hub, `imports/${latest?.id}/undo`, editorToken);
    expect(undone.status).toBe(200);
    expect(await undone.json()).toMatchObject({ importId: latest?.id, restored: districts.length });
    const again = await post(hub, `imports/${latest?.id}/undo`, editorToken);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ reason: 'already-undone' });
    expect((await post(hub, 'imports/999/undo', editorToken)).status).toBe(404);
    expect((await post(hub, `imports/${latest?.id}/undo`, viewerToken)).status).toBe(403);
  });

  test.each([
    ['a body that is not a form', () => new Request(`http://hub${API_PREFIX}/imports`, { method: 'POST', headers: { authorization: `Bearer ${editorToken}`, 'content-type': 'text/csv' }, body: pciCsv }), 415],
    ['a URL-encoded form instead of a file', () => new Request(`http://hub${API_PREFIX}/imports`, { method: 'POST', headers: { authorization: `Bearer ${editorToken}` }, body: new URLSearchParams({ dryRun: 'true' }) }), 415],
    ['a form with no file field', () => new Request(`http://hub${API_PREFIX}/imports`, { method: 'POST', headers: { authorization: `Bearer ${editorToken}` }, body: (() => { const f = new FormData(); f.set('dryRun', 'true'); return f; })() }), 400],
    ['a bad dryRun', () => new Request(`http://hub${API_PREFIX}/imports`, { method: 'POST', headers: { authorization: `Bearer ${editorToken}` }, body: upload('pci.csv', pciCsv, { dryRun: 'yes' }) }), 400],
    ['another method', () => new Request(`http://hub${API_PREFIX}/imports`, { method: 'DELETE', headers: { authorization: `Bearer ${editorToken}` } }), 405],
    ['a bad audit limit', () => new Request(`http://hub${API_PREFIX}/audit?limit=5000`, { headers: { authorization: `Bearer ${editorToken}` } }), 400],
  ])('%s is a %i problem that writes nothing', async (_name, request, status) => {
    const before = await resultsFingerprint(db);
    const answer = await hub(request());
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(await resultsFingerprint(db)).toBe(before);
  });
});
