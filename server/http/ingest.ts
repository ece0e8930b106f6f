import type { Kysely } from 'kysely';
import { encodeJson, jsonBytesResponse, problemResponse } from '../../mocks/handlers/respond';
import { bearerOf } from '../auth/bearer';
import type { Database } from '../db/schema';
import { recordAudit } from '../write/audit';
import { sourceOfToken } from '../write/sources';
import { ServiceRowsError, storeServiceRows, type RowIssue } from '../write/serviceFigures';

/** The most rows one push may carry (a province's units, many times over). */
export const MAX_INGEST_ROWS = 20_000;
/** The body such a push may take: 20,000 rows at up to 800 bytes each (a row is about 250 as the contract writes it). */
export const MAX_INGEST_BODY_BYTES = MAX_INGEST_ROWS * 800;
/** How many of a refused batch's problems the audit log keeps (the answer lists them all). */
const AUDITED_ISSUES = 20;

const NO_STORE = { 'Cache-Control': 'no-store' };

/** A problem answer with the rows' issues as an extension member, so a sending system can log what to fix. */
function issuesResponse(path: string, issues: readonly RowIssue[]): Response {
  const detail = `${issues.length} problem${issues.length === 1 ? '' : 's'} in the rows sent; nothing was stored. Each issue names the row (from 0), the field and why.`;
  return problemResponse(422, detail, { instance: path, headers: NO_STORE, members: { issues } });
}

/**
 * POST /api/v1/service-kpis: a source (the one-stop-shop system) pushes snapshots of the live figures, as
 * `{ "rows": [ServiceKpiRow, …] }` with its own bearer token. All or nothing: a wrong or missing token gets a
 * 401, a bad body a 400/413/415, a bad row a 422 listing every problem, and then nothing is stored. A stored
 * push and a refused batch are both in the audit log.
 */
export async function ingestServiceKpis(request: Request, db: Kysely<Database>): Promise<Response> {
  const path = new URL(request.url).pathname;
  const token = bearerOf(request);
  if (token === 'missing') {
    return problemResponse(401, 'Pushing figures needs the source\'s token: send "Authorization: Bearer <token>" (npm run hub:sources -- add issues one).', {
      instance: path,
      headers: { 'WWW-Authenticate': 'Bearer realm="hub"', ...NO_STORE },
    });
  }
  const source = token === 'malformed' ? undefined : await sourceOfToken(db, token);
  if (!source) {
    return problemResponse(401, 'The token is not one the hub issued, or it was revoked; nothing was stored.', {
      instance: path,
      headers: { 'WWW-Authenticate': 'Bearer realm="hub", error="invalid_token"', ...NO_STORE },
    });
  }
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return problemResponse(415, `Send the rows as application/json; got "${type || 'no Content-Type'}".`, { instance: path, headers: NO_STORE });
  }
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch (error) {
    return problemResponse(400, `The body is not JSON (${error instanceof Error ? error.message : String(error)}); nothing was stored.`, { instance: path, headers: NO_STORE });
  }
  const rows = typeof body === 'object' && body !== null && 'rows' in body ? (body as { rows: unknown }).rows : undefined;
  if (!Array.isArray(rows) || rows.length === 0) {
    return problemResponse(400, 'The body must be { "rows": [ … ] } with at least one row, each as GET /service-kpis answers it.', { instance: path, headers: NO_STORE });
  }
  if (rows.length > MAX_INGEST_ROWS) {
    return problemResponse(413, `One push may carry up to ${MAX_INGEST_ROWS} rows; this one has ${rows.length}. Send them in several pushes.`, { instance: path, headers: NO_STORE });
  }

  const actor = `source:${source.id}`;
  try {
    const stored = await db.transaction().execute(async (trx) => {
      const result = await storeServiceRows(trx, rows, source.id);
      await recordAudit(trx, { actor, action: 'ingest-service-kpis', outcome: 'done', detail: { rows: rows.length, snapshots: result.snapshots } });
      return result;
    });
    return jsonBytesResponse(encodeJson({ rows: rows.length, snapshots: stored.snapshots }), { headers: NO_STORE });
  } catch (error) {
    if (!(error instanceof ServiceRowsError)) throw error;
    await recordAudit(db, { actor, action: 'ingest-service-kpis', outcome: 'refused', detail: { rows: rows.length, problems: error.issues.length, first: error.issues.slice(0, AUDITED_ISSUES) } });
    return issuesResponse(path, error.issues);
  }
}
