import { sql, type Kysely } from 'kysely';
import { code, finite, year } from './columns';

/**
 * Imports that can be undone. `imports` records each import that changed something: who, when, the file's name
 * and SHA-256, what it covered (its scope: indicator, year and level) and what it changed. `import_replaced`
 * keeps the rows of that scope as they were before it (with their component scores), so undo can put them back.
 * Never edit once released: add the next migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull().check(sql`length(actor) between 1 and 300`))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('results')`))
    .addColumn('file_name', 'text', (col) => col.notNull().check(sql`length(file_name) between 1 and 255`))
    .addColumn('file_sha256', 'text', (col) => col.notNull().check(sql`file_sha256 ~ '^[0-9a-f]{64}$'`))
    // [{ indicator, period, level }]: the groups of rows the import replaced.
    .addColumn('scope', 'jsonb', (col) => col.notNull().check(sql`jsonb_typeof(scope) = 'array'`))
    // { added, changed, removed, unchanged }
    .addColumn('counts', 'jsonb', (col) => col.notNull().check(sql`jsonb_typeof(counts) = 'object'`))
    .addColumn('undone_at', 'timestamptz')
    .addColumn('undone_by', 'text', (col) => col.check(sql`undone_by is null or length(undone_by) between 1 and 300`))
    .addCheckConstraint('imports_undone', sql`(undone_at is null) = (undone_by is null)`)
    .execute();

  await db.schema
    .createTable('import_replaced')
    .addColumn('import_id', 'bigint', (col) => col.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (col) => code(col, 'indicator_id'))
    .addColumn('period', 'integer', (col) => col.notNull().check(year('period')))
    .addColumn('unit_code', 'text', (col) => code(col, 'unit_code'))
    .addColumn('value', 'double precision', (col) => col.notNull().check(finite('value')))
    .addColumn('rank', 'integer')
    .addColumn('rank_of', 'integer')
    // Component id → score, or null when the row had none.
    .addColumn('components', 'jsonb', (col) => col.check(sql`components is null or jsonb_typeof(components) = 'object'`))
    .addPrimaryKeyConstraint('import_replaced_pkey', ['import_id', 'indicator_id', 'period', 'unit_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['import_replaced', 'imports']) await db.schema.dropTable(table).execute();
}
