import type { Kysely } from 'kysely';
import type { Database, ImportCounts, ImportScope } from '../../db/schema';
import { recordAudit } from '../audit';
import { lockImports, type ImportWho } from './results';
import { deleteScopeRows, insertRows } from './scopeRows';

/**
 * Undoing an import: its scopes get back the rows they held before it, in one transaction, recorded. Only the
 * latest import of a scope can be undone, so undo never brings back rows that a later import replaced on
 * purpose: a later import of the same indicator, year and level is undone first (or stays, and this one too).
 */

export type UndoRefusal = 'not-found' | 'already-undone' | 'superseded';

export class UndoError extends Error {
  override name = 'UndoError';
  constructor(
    readonly reason: UndoRefusal,
    message: string,
    /** For 'superseded': the later imports that replaced part of this one, to undo first. */
    readonly laterImports: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface UndoReport {
  importId: string;
  /** Rows put back as they were, and rows of the import taken out. */
  restored: number;
  removed: number;
  scopes: ImportScope[];
}

const scopeKey = (s: ImportScope) => `${s.indicator}\u0000${s.period}\u0000${s.level}`;

export async function undoImport(db: Kysely<Database>, importId: string, who: ImportWho): Promise<UndoReport> {
  if (!/^\d{1,18}$/.test(importId)) throw new UndoError('not-found', `No import "${importId}": an import's id is a number (npm run import -- --list shows them).`);
  return db.transaction().execute(async (trx) => {
    await lockImports(trx);
    const found = await trx.selectFrom('imports').select(['id', 'file_name', 'scope', 'counts', 'undone_at', 'undone_by']).where('id', '=', importId).executeTakeFirst();
    if (!found) throw new UndoError('not-found', `No import ${importId}; npm run import -- --list shows them.`);
    if (found.undone_at) throw new UndoError('already-undone', `Import ${importId} (${found.file_name}) was undone on ${found.undone_at.toISOString()} by ${found.undone_by ?? 'someone'}.`);
    const mine = new Set(found.scope.map(scopeKey));
    const later = await trx.selectFrom('imports').select(['id', 'file_name', 'scope']).where('id', '>', importId).where('undone_at', 'is', null).orderBy('id').execute();
    const overlapping = later.filter((row) => row.scope.some((scope) => mine.has(scopeKey(scope))));
    if (overlapping.length > 0) {
      throw new UndoError(
        'superseded',
        `Import ${importId} (${found.file_name}) was since replaced in part by import${overlapping.length === 1 ? '' : 's'} ${overlapping.map((row) => `${row.id} (${row.file_name})`).join(', ')}; undo ${overlapping.length === 1 ? 'that one' : 'those'} first.`,
        overlapping.map((row) => String(row.id)),
      );
    }
    const kept = await trx.selectFrom('import_replaced').selectAll().where('import_id', '=', importId).execute();
    const counts: ImportCounts = found.counts;
    await deleteScopeRows(trx, found.scope);
    await insertRows(
      trx,
      kept.map((row) => ({ indicator: row.indicator_id, period: row.period, unit: row.unit_code, value: row.value, rank: row.rank, rankOf: row.rank_of, components: row.components })),
    );
    await trx.updateTable('imports').set({ undone_at: who.now, undone_by: who.actor }).where('id', '=', importId).execute();
    await trx.updateTable('hub_meta').set({ data_changed_at: who.now }).execute();
    const undone: UndoReport = { importId: String(found.id), restored: kept.length, removed: counts.added + counts.changed + counts.unchanged, scopes: found.scope };
    await recordAudit(trx, { actor: who.actor, action: 'import-undo', outcome: 'done', detail: { importId: undone.importId, file: found.file_name, restored: undone.restored, removed: undone.removed } });
    return undone;
  });
}
