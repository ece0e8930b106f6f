import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { parseImport, type ImportProblem } from '../../import';
import type { Database, ImportCounts } from '../../db/schema';
import { readResultsContext } from '../../read/resultsContext';
import { recordAudit } from '../audit';
import type { ObservationRow } from '../../../src/contract/observations';
import { batches } from '../../db/batches';
import { diffResults, scopesOf, valuesOf, type ResultChange, type ScopeDiff, type StoredResult } from './diff';
import { deleteScopeRows, insertRows, readScopeRows } from './scopeRows';

/**
 * Importing a file of annual results, the one code path of `npm run import` and of the import page: read and
 * check the file, compare it with what is stored, then (unless it is a dry run) write it, atomically.
 *
 * - Any problem: nothing is written, and the refusal is in the audit log.
 * - No difference from what is stored (the same file again): nothing is written.
 * - Otherwise, in one transaction: each indicator, year and level the file holds is replaced by the file's rows;
 *   the rows it replaced are kept for undo (undo.ts); the import and the audit entry are recorded.
 */

/** Changes listed in a report; the counts cover them all. */
export const MAX_LISTED_CHANGES = 1000;

export interface ImportFile {
  fileName: string;
  bytes: Uint8Array;
  /** The XLSX sheet to read; otherwise the first visible one. */
  sheet?: string;
  maxBytes?: number;
}

export interface ImportWho {
  /** `editor:<subject>` or `cli:<user>`. */
  actor: string;
  now: Date;
}

export type ImportOutcome = 'dry-run' | 'imported' | 'unchanged' | 'refused';

export interface ImportReport {
  outcome: ImportOutcome;
  /** The import's id, for undo; null unless something was written. */
  importId: string | null;
  file: { name: string; sha256: string; bytes: number };
  /** Rows the file holds that passed every check. */
  rows: number;
  problems: ImportProblem[];
  scopes: ScopeDiff[];
  counts: ImportCounts;
  /** The first MAX_LISTED_CHANGES changes. */
  changes: ResultChange[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Key of the advisory lock that lets one import or undo run at a time, however many hubs share the server. */
const IMPORT_LOCK = 0x10c_1a0;

/** Waits for, then holds until the transaction ends, the lock every import and undo takes. */
export async function lockImports(trx: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
}

/** Rows of import_replaced per INSERT: 8 columns each. */
const BATCH_ROWS = 2000;

const NO_COUNTS: ImportCounts = { added: 0, changed: 0, removed: 0, unchanged: 0 };

/** A report, with the file's rows to write and the stored rows they replace. */
type Plan = ImportReport & { parsed: ObservationRow[]; replaced: StoredResult[] };

/** Reads, checks and compares a file inside `db` (a transaction when writing); writes nothing. */
async function plan(db: Kysely<Database>, file: ImportFile, dryRun: boolean): Promise<Plan> {
  const context = await readResultsContext(db);
  const parsed = await parseImport({ bytes: file.bytes, fileName: file.fileName, kind: 'results', context, maxBytes: file.maxBytes, sheet: file.sheet });
  const fileInfo = { name: file.fileName, sha256: sha256(file.bytes), bytes: file.bytes.byteLength };
  if (parsed.problems.length > 0) {
    return { outcome: 'refused', importId: null, file: fileInfo, rows: parsed.rows.length, problems: parsed.problems, scopes: [], counts: NO_COUNTS, changes: [], parsed: [], replaced: [] };
  }
  const replaced = await readScopeRows(db, scopesOf(parsed.rows));
  const diff = diffResults(parsed.rows, replaced);
  const unchanged = diff.changes.length === 0;
  return {
    outcome: dryRun ? 'dry-run' : unchanged ? 'unchanged' : 'imported',
    importId: null,
    file: fileInfo,
    rows: parsed.rows.length,
    problems: [],
    scopes: diff.scopes,
    counts: diff.counts,
    changes: diff.changes.slice(0, MAX_LISTED_CHANGES),
    parsed: parsed.rows,
    replaced,
  };
}

function report({ parsed: _parsed, replaced: _replaced, ...rest }: Plan): ImportReport {
  return rest;
}

/** The audit's account of an import: enough to tell which file did what, not the rows themselves. */
function auditDetail(result: ImportReport): Record<string, unknown> {
  return {
    kind: 'results',
    file: result.file,
    rows: result.rows,
    ...(result.importId ? { importId: result.importId } : {}),
    counts: result.counts,
    scopes: result.scopes.map(({ indicator, period, level }) => ({ indicator, period, level })),
    ...(result.problems.length > 0
      ? { problems: result.problems.length, first: result.problems.slice(0, 5).map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, code: p.code, message: p.message.en })) }
      : {}),
  };
}

/** A dry run: what the import would do, and every problem; nothing is written. */
export async function dryRunResults(db: Kysely<Database>, file: ImportFile): Promise<ImportReport> {
  return report(await plan(db, file, true));
}

/** Imports a file of annual results (see the file's comment). */
export async function importResults(db: Kysely<Database>, file: ImportFile, who: ImportWho): Promise<ImportReport> {
  const result = await db.transaction().execute(async (trx) => {
    await lockImports(trx);
    const planned = await plan(trx, file, false);
    if (planned.outcome !== 'imported') return planned;
    const scope = planned.scopes.map(({ indicator, period, level }) => ({ indicator, period, level }));
    const { id } = await trx
      .insertInto('imports')
      .values({ at: who.now, actor: who.actor, kind: 'results', file_name: file.fileName, file_sha256: planned.file.sha256, scope: JSON.stringify(scope), counts: JSON.stringify(planned.counts) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const kept = planned.replaced.map((row) => ({
      import_id: id,
      indicator_id: row.indicator,
      period: row.period,
      unit_code: row.unit,
      value: row.value,
      rank: row.rank,
      rank_of: row.rankOf,
      components: row.components ? JSON.stringify(row.components) : null,
    }));
    for (const batch of batches(kept, BATCH_ROWS)) await trx.insertInto('import_replaced').values(batch).execute();
    await deleteScopeRows(trx, planned.scopes);
    await insertRows(
      trx,
      planned.parsed.map((row) => ({ indicator: row.indicator, period: row.period, unit: row.unit, ...valuesOf(row) })),
    );
    await trx.updateTable('hub_meta').set({ data_changed_at: who.now }).execute();
    const done = { ...planned, importId: String(id) };
    await recordAudit(trx, { actor: who.actor, action: 'import', outcome: 'done', detail: auditDetail(done) });
    return done;
  });
  // A refusal, and a file that changed nothing, are recorded too: who tried what is part of the account.
  if (result.outcome === 'refused' || result.outcome === 'unchanged') {
    await recordAudit(db, { actor: who.actor, action: 'import', outcome: result.outcome === 'refused' ? 'refused' : 'done', detail: { ...auditDetail(result), ...(result.outcome === 'unchanged' ? { unchanged: true } : {}) } });
  }
  return report(result);
}
