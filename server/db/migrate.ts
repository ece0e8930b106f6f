import { Migrator, type Kysely } from 'kysely';
import type { Database } from './schema';
import { migrationProvider } from './migrations';

/** What migrating did: the migrations applied now (none when the database was up to date). */
export interface MigrationReport {
  applied: string[];
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    super(`Migration ${migration ?? '(before any migration ran)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationFailedError';
  }
}

/**
 * Brings the schema to the latest migration, each in its own transaction under Kysely's migration lock
 * (so hub instances starting together on one PostgreSQL do not race). Throws MigrationFailedError, naming
 * the migration, when one fails; the ones before it stay applied.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) throw new MigrationFailedError(results.find((result) => result.status === 'Error')?.migrationName, error);
  return { applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName) };
}
