import { sql, type Kysely } from 'kysely';
import { code, text } from './columns';

/**
 * The live one-stop-shop KPIs and their history. Every snapshot a source sends is kept (`service_snapshots`); the
 * latest of each unit's day is its close so far (`service_day_closes`, written in the same transaction as the
 * snapshot), which is what today's figures, the daily closes and the months are read from. The province's
 * calendar (`service_calendar`: working days, weekends, public holidays and the days swapped for them) is data,
 * as the government decides it each year. Never edit once released: add the next migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_calendar')
    .addColumn('day', 'date', (col) => col.primaryKey())
    .addColumn('working', 'boolean', (col) => col.notNull())
    .addColumn('holiday', 'text', (col) => col.check(text('holiday')))
    .execute();

  for (const table of ['service_snapshots', 'service_day_closes'] as const) {
    let create = db.schema
      .createTable(table)
      .addColumn('unit_code', 'text', (col) => code(col, 'unit_code').references('units.code'))
      // The province's calendar day the snapshot belongs to (its time zone's, from meta).
      .addColumn('day', 'date', (col) => col.notNull())
      .addColumn('at', 'timestamptz', (col) => col.notNull())
      .addColumn('received', 'integer', (col) => col.notNull().check(sql`received >= 0`))
      .addColumn('resolved', 'integer', (col) => col.notNull().check(sql`resolved >= 0`))
      .addColumn('resolved_on_time', 'integer', (col) => col.notNull().check(sql`resolved_on_time >= 0`))
      .addColumn('pending', 'integer', (col) => col.notNull().check(sql`pending >= 0`))
      .addColumn('overdue', 'integer', (col) => col.notNull().check(sql`overdue >= 0`))
      // Service-KPI id → a percentage, or null where it does not apply.
      .addColumn('rates', 'jsonb', (col) => col.notNull().check(sql`jsonb_typeof(rates) = 'object'`))
      // Which source sent it ('sample' for the sample's own feeder).
      .addColumn('source', 'text', (col) => col.notNull().check(sql`length(source) between 1 and 64`))
      .addColumn('stored_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addCheckConstraint(`${table}_on_time_within`, sql`resolved_on_time <= resolved`);
    create = table === 'service_snapshots' ? create.addPrimaryKeyConstraint(`${table}_pkey`, ['unit_code', 'at']) : create.addPrimaryKeyConstraint(`${table}_pkey`, ['unit_code', 'day']);
    await create.execute();
  }
  await db.schema.createIndex('service_snapshots_day').on('service_snapshots').columns(['day', 'unit_code']).execute();
  await db.schema.createIndex('service_day_closes_day').on('service_day_closes').columns(['day', 'unit_code']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['service_day_closes', 'service_snapshots', 'service_calendar']) await db.schema.dropTable(table).execute();
}
