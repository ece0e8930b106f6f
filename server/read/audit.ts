import type { Kysely } from 'kysely';
import type { AuditOutcome, Database } from '../db/schema';

/** One entry of the audit log as the status page lists it. */
export interface AuditRecord {
  id: string;
  at: string;
  actor: string;
  action: string;
  outcome: AuditOutcome;
  detail: Record<string, unknown>;
}

/** The latest entries, newest first; `before` (an entry's id) pages back. */
export async function listAudit(db: Kysely<Database>, options: { limit: number; before?: string }): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(options.limit);
  if (options.before !== undefined) query = query.where('id', '<', options.before);
  const rows = await query.execute();
  return rows.map((row) => ({ id: String(row.id), at: row.at.toISOString(), actor: row.actor, action: row.action, outcome: row.outcome, detail: row.detail }));
}
