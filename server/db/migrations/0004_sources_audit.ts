import { sql, type Kysely } from 'kysely';
import { code, text } from './columns';

/**
 * Who may write, and what was written. `sources` are the systems that push live figures (the one-stop-shop
 * system, a pull connector): each has its own token, of which only a SHA-256 hash is kept, and can be revoked.
 * `audit_log` records every write (and every batch refused), who made it and what it changed. Never edit once
 * released: add the next migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (col) => code(col, 'id').primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().check(text('name')))
    // Hex SHA-256 of the bearer token.
    .addColumn('token_hash', 'text', (col) => col.notNull().unique().check(sql`token_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    // A source id (`source:one-stop-shop`) or a signed-in editor (`editor:<issuer subject>`), or `cli:<user>`.
    .addColumn('actor', 'text', (col) => col.notNull().check(sql`length(actor) between 1 and 300`))
    .addColumn('action', 'text', (col) => col.notNull().check(sql`length(action) between 1 and 64`))
    .addColumn('outcome', 'text', (col) => col.notNull().check(sql`outcome in ('done', 'refused', 'undone')`))
    // What was written or why it was refused: counts, file name and hash, the first problems.
    .addColumn('detail', 'jsonb', (col) => col.notNull().check(sql`jsonb_typeof(detail) = 'object'`))
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'sources']) await db.schema.dropTable(table).execute();
}
