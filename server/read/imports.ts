import type { Kysely } from 'kysely';
import type { Database, ImportCounts, ImportScope } from '../db/schema';

/** An import as the import page and `npm run import -- --list` show it. */
export interface ImportRecord {
  id: string;
  at: string;
  actor: string;
  fileName: string;
  sha256: string;
  scopes: ImportScope[];
  counts: ImportCounts;
  undone: { at: string; by: string } | null;
}

/** The latest imports, newest first. */
export async function listImports(db: Kysely<Database>, limit = 50): Promise<ImportRecord[]> {
  const rows = await db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: String(row.id),
    at: row.at.toISOString(),
    actor: row.actor,
    fileName: row.file_name,
    sha256: row.file_sha256,
    scopes: row.scope,
    counts: row.counts,
    undone: row.undone_at ? { at: row.undone_at.toISOString(), by: row.undone_by ?? '' } : null,
  }));
}
