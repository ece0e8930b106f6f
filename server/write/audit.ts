import type { Kysely } from 'kysely';
import type { AuditOutcome, Database } from '../db/schema';

export interface AuditEntry {
  /** `source:<id>`, `editor:<subject>` or `cli:<user>`. */
  actor: string;
  /** What was asked: `ingest-service-kpis`, `import`, `undo`, … */
  action: string;
  outcome: AuditOutcome;
  detail: Record<string, unknown>;
}

/** Records a write in the audit log; inside the write's transaction, so a write and its record go in together. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({ actor: entry.actor, action: entry.action, outcome: entry.outcome, detail: JSON.stringify(entry.detail) }).execute();
}
