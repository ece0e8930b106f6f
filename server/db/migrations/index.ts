import type { Migration, MigrationProvider } from 'kysely';
import * as init from './0001_init';
import * as nationalEventsBoundaries from './0002_national_events_boundaries';
import * as serviceHistory from './0003_service_history';
import * as sourcesAudit from './0004_sources_audit';
import * as imports from './0005_imports';

/**
 * Every migration, in order, imported statically (no folder scan at run time, so a bundled hub carries
 * them). A new migration is a new file `NNNN_what.ts` and one line here; the name is what the database
 * records as applied, so never rename one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_init': init,
  '0002_national_events_boundaries': nationalEventsBoundaries,
  '0003_service_history': serviceHistory,
  '0004_sources_audit': sourcesAudit,
  '0005_imports': imports,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
