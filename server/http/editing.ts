import type { Kysely } from 'kysely';
import { jsonResponse, problemResponse } from '../../mocks/handlers/respond';
import { API_PREFIX } from '../../src/contract/routes';
import type { EditingConfig } from '../auth/config';
import type { Editor, EditorCheck } from '../auth/editorCheck';
import type { Database } from '../db/schema';
import { DEFAULT_MAX_BYTES } from '../import';
import { listAudit } from '../read/audit';
import { listImports } from '../read/imports';
import { recordAudit } from '../write/audit';
import { dryRunResults, importResults, type ImportReport } from '../write/imports/results';
import { undoImport, UndoError } from '../write/imports/undo';

/**
 * The hub's editing routes, beside the read-only contract: how the import page signs in, imports, lists and
 * undoes, and how the status page reads the audit log. Every one but GET /editing needs an editor's token
 * (server/auth); a refused token gets a 401 or 403 problem and nothing is written.
 *
 *   GET  /api/v1/editing                  whether editing is on, and where to sign in (open)
 *   POST /api/v1/imports                  multipart/form-data: file, dryRun ("true"), sheet
 *   GET  /api/v1/imports                  the latest imports
 *   POST /api/v1/imports/{id}/undo        undo an import
 *   GET  /api/v1/audit?limit=&before=     the audit log, newest first
 */

export interface EditingOptions {
  db: Kysely<Database>;
  /** Null: editing through HTTP is off (no OIDC_ISSUER). */
  config: EditingConfig | null;
  check: ((request: Request) => Promise<EditorCheck>) | null;
  now: () => Date;
  log: (message: string, error: unknown) => void;
}

/** Request bodies the import route takes: the largest file an import reads, and room for the form around it. */
export const MAX_IMPORT_BODY_BYTES = DEFAULT_MAX_BYTES + 1024 * 1024;

const NO_STORE = { 'Cache-Control': 'no-store' };
const AUDIT_LIMIT = { default: 100, max: 500 };

const EDITING_PATHS = /^\/api\/v1\/(editing|imports|imports\/[^/]+\/undo|audit)$/;

/** Whether a path is one of the editing routes (the hub's router asks before the contract's). */
export function isEditingPath(path: string): boolean {
  return EDITING_PATHS.test(path);
}

function problem(status: number, detail: string, path: string, headers: Record<string, string> = {}, members?: Record<string, unknown>): Response {
  return problemResponse(status, detail, { instance: path, headers: { ...NO_STORE, ...headers }, members });
}

function refusal(check: Exclude<EditorCheck, { ok: true }>, path: string): Response {
  if (check.status === 503) return problem(503, check.detail, path, { 'Retry-After': '30' });
  const error = check.error === 'missing' ? '' : `, error="${check.error}"`;
  return problem(check.status, check.detail, path, { 'WWW-Authenticate': `Bearer realm="hub"${error}` });
}

function methodNotAllowed(request: Request, path: string, allow: string): Response {
  return problem(405, `${request.method} is not allowed on ${path}; it answers ${allow}.`, path, { Allow: allow });
}

export function createEditingRoutes(options: EditingOptions): (request: Request) => Promise<Response> {
  const { db } = options;

  async function editor(request: Request, path: string): Promise<Editor | Response> {
    if (options.check === null) {
      return problem(403, 'Writing through the hub is switched off: it has no identity provider (OIDC_ISSUER). On the server, `npm run import -- FILE` still imports.', path);
    }
    const checked = await options.check(request);
    if (checked.ok) return checked.editor;
    // Someone signed in who may not write: that attempt is part of the account (an unknown token is not).
    if (checked.actor !== undefined) {
      await recordAudit(db, { actor: checked.actor, action: `${request.method} ${path.slice(API_PREFIX.length + 1)}`, outcome: 'refused', detail: { status: 403, reason: 'not an editor' } });
    }
    return refusal(checked, path);
  }

  async function postImport(request: Request, path: string, who: Editor): Promise<Response> {
    const type = request.headers.get('content-type') ?? '';
    if (!/^multipart\/form-data\b/i.test(type)) return problem(415, `Send the file as multipart/form-data with a "file" field; got "${type || 'no Content-Type'}". Nothing was written.`, path);
    let form: FormData;
    try {
      form = await request.formData();
    } catch (error) {
      return problem(400, `The form could not be read (${error instanceof Error ? error.message : String(error)}); nothing was written.`, path);
    }
    const file = form.get('file');
    if (!(file instanceof Blob) || !('name' in file)) return problem(400, 'The form needs a "file" field holding the .csv or .xlsx file; nothing was written.', path);
    const dryRun = form.get('dryRun');
    if (dryRun !== null && dryRun !== 'true' && dryRun !== 'false') return problem(400, `dryRun must be "true" or "false"; got "${String(dryRun)}".`, path);
    const sheet = form.get('sheet');
    const upload = { fileName: String(file.name), bytes: new Uint8Array(await file.arrayBuffer()), sheet: typeof sheet === 'string' && sheet.trim() ? sheet.trim() : undefined };
    const report: ImportReport = dryRun === 'true' ? await dryRunResults(db, upload) : await importResults(db, upload, { actor: who.actor, now: options.now() });
    if (report.outcome === 'refused') {
      return problem(422, `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${report.file.name}; nothing was written. Each names its sheet, row and column.`, path, {}, { report });
    }
    return jsonResponse(report, { headers: NO_STORE });
  }

  async function undo(path: string, id: string, who: Editor): Promise<Response> {
    try {
      return jsonResponse(await undoImport(db, id, { actor: who.actor, now: options.now() }), { headers: NO_STORE });
    } catch (error) {
      if (!(error instanceof UndoError)) throw error;
      return problem(error.reason === 'not-found' ? 404 : 409, `${error.message} Nothing was undone.`, path, {}, { reason: error.reason, laterImports: error.laterImports });
    }
  }

  async function audit(url: URL, path: string): Promise<Response> {
    const rawLimit = url.searchParams.get('limit');
    const limit = rawLimit === null ? AUDIT_LIMIT.default : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_LIMIT.max) return problem(400, `limit must be a whole number from 1 to ${AUDIT_LIMIT.max}; got "${rawLimit}".`, path);
    const before = url.searchParams.get('before') ?? undefined;
    if (before !== undefined && !/^\d{1,18}$/.test(before)) return problem(400, `before must be an entry's id (a number); got "${before}".`, path);
    return jsonResponse({ entries: await listAudit(db, { limit, before }) }, { headers: NO_STORE });
  }

  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    const route = path.slice(API_PREFIX.length + 1);
    if (route === 'editing') {
      if (request.method !== 'GET') return methodNotAllowed(request, path, 'GET');
      const config = options.config;
      const body = config ? { enabled: true, issuer: config.issuer, clientId: config.clientId, audience: config.audience, scope: config.scope } : { enabled: false };
      return jsonResponse(body, { headers: { 'Cache-Control': 'no-cache' } });
    }
    const allow = route === 'imports' ? 'GET, POST' : route === 'audit' ? 'GET' : 'POST';
    if (!allow.split(', ').includes(request.method)) return methodNotAllowed(request, path, allow);
    const who = await editor(request, path);
    if (who instanceof Response) return who;
    try {
      if (route === 'imports') return request.method === 'POST' ? await postImport(request, path, who) : jsonResponse({ imports: await listImports(db) }, { headers: NO_STORE });
      if (route === 'audit') return await audit(url, path);
      return await undo(path, route.split('/')[1] ?? '', who);
    } catch (error) {
      options.log(`The hub failed at ${request.method} ${path}:`, error);
      return problem(500, 'The hub failed; nothing was written; its log says why.', path);
    }
  };
}
