import { sql, type Kysely } from 'kysely';
import { code, codeNullable, finite, text, year } from './columns';

/**
 * The rest of the annual picture: the national tables (every province's standing per index and year, as the
 * ministries publish them), events (methodology breaks, boundary changes, publications, notes) and the units'
 * outlines (GeoJSON geometry per level and unit). Never edit once released: add the next migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Provinces are not units of this dataset (the others are not in /units): their code and names are kept here.
  await db.schema
    .createTable('national_standings')
    .addColumn('indicator_id', 'text', (col) => code(col, 'indicator_id').references('indicators.id').onDelete('cascade'))
    .addColumn('period', 'integer', (col) => col.notNull().check(year('period')))
    .addColumn('province_code', 'text', (col) => code(col, 'province_code'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text')
    .addColumn('region', 'text', (col) => col.notNull())
    .addColumn('region_en', 'text')
    .addColumn('value', 'double precision', (col) => col.notNull().check(finite('value')))
    .addColumn('rank', 'integer', (col) => col.notNull().check(sql`rank >= 1`))
    .addColumn('rank_of', 'integer', (col) => col.notNull())
    .addColumn('own', 'boolean', (col) => col.notNull())
    .addPrimaryKeyConstraint('national_standings_pkey', ['indicator_id', 'period', 'province_code'])
    .addCheckConstraint('national_standings_rank_within', sql`rank <= rank_of`)
    .addCheckConstraint('national_standings_texts', sql`${text('name')} and ${text('name_en')} and ${text('region')} and ${text('region_en')}`)
    .execute();
  await db.schema.createIndex('national_standings_period').on('national_standings').columns(['period', 'indicator_id']).execute();
  // One own province per table.
  await db.schema.createIndex('national_standings_one_own').on('national_standings').columns(['indicator_id', 'period']).unique().where(sql.ref('own'), '=', true).execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (col) => code(col, 'id').primaryKey())
    .addColumn('date', 'date', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('methodology-break', 'boundary-change', 'publication', 'note')`))
    .addColumn('indicator_id', 'text', (col) => codeNullable(col, 'indicator_id').references('indicators.id').onDelete('cascade'))
    .addColumn('unit_code', 'text', (col) => codeNullable(col, 'unit_code').references('units.code'))
    .addColumn('period', 'integer', (col) => col.check(year('period')))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('title_en', 'text')
    .addColumn('note', 'text')
    .addColumn('note_en', 'text')
    .addCheckConstraint('events_texts', sql`${text('title')} and ${text('title_en')} and ${text('note')} and ${text('note_en')}`)
    .execute();
  await db.schema.createIndex('events_date').on('events').columns(['date', 'id']).execute();

  // A unit's outline at one level: a GeoJSON Polygon or MultiPolygon, as RFC 7946 (longitude, latitude).
  await db.schema
    .createTable('boundaries')
    .addColumn('level_id', 'text', (col) => code(col, 'level_id').references('levels.id'))
    .addColumn('unit_code', 'text', (col) => code(col, 'unit_code').references('units.code'))
    .addColumn('name', 'text', (col) => col.check(text('name')))
    .addColumn('geometry', 'jsonb', (col) => col.notNull().check(sql`geometry->>'type' in ('Polygon', 'MultiPolygon') and jsonb_typeof(geometry->'coordinates') = 'array'`))
    .addPrimaryKeyConstraint('boundaries_pkey', ['level_id', 'unit_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['boundaries', 'events', 'national_standings']) await db.schema.dropTable(table).execute();
}
