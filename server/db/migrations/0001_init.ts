import { sql, type Kysely } from 'kysely';
import { code, codeNullable, text } from './columns';

/**
 * The first schema: geography (levels, units, crosswalk), the indicator catalogue (indicators, the levels
 * they are measured at, components, methodology breaks), observations with their component scores, and
 * one row of dataset meta. Identifiers (unit codes, indicator, level and component ids) are text in the
 * "C" collation, so they sort and compare byte by byte whatever the server's locale; lengths and ranges
 * follow src/contract, so a row the contract would refuse cannot be stored.
 * Never edit a migration once released: add the next one.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('levels')
    .addColumn('id', 'text', (col) => code(col, 'id').primaryKey())
    .addColumn('position', 'integer', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text')
    .addColumn('depth', 'integer', (col) => col.notNull().check(sql`depth between 0 and 3`))
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .addCheckConstraint('levels_names', sql`${text('name')} and ${text('name_en')}`)
    .addCheckConstraint('levels_validity', sql`valid_to is null or valid_from is null or valid_from <= valid_to`)
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('code', 'text', (col) => code(col, 'code').primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text')
    .addColumn('level_id', 'text', (col) => code(col, 'level_id').references('levels.id'))
    .addColumn('kind', 'text')
    .addColumn('parent_code', 'text', (col) => codeNullable(col, 'parent_code').references('units.code'))
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .addCheckConstraint('units_names', sql`${text('name')} and ${text('name_en')} and ${text('kind')}`)
    .addCheckConstraint('units_not_own_parent', sql`parent_code is distinct from code`)
    .addCheckConstraint('units_validity', sql`valid_to is null or valid_from is null or valid_from <= valid_to`)
    .execute();
  await db.schema.createIndex('units_level').on('units').columns(['level_id', 'code']).execute();
  await db.schema.createIndex('units_parent').on('units').column('parent_code').execute();

  // One edge per (old unit, new unit, date of the change); the weights into one new unit sum to 1 (checked on import).
  await db.schema
    .createTable('crosswalk')
    .addColumn('from_code', 'text', (col) => code(col, 'from_code').references('units.code'))
    .addColumn('to_code', 'text', (col) => code(col, 'to_code').references('units.code'))
    .addColumn('effective', 'date', (col) => col.notNull())
    .addColumn('weight', 'double precision', (col) => col.notNull().check(sql`weight between 0 and 1`))
    .addPrimaryKeyConstraint('crosswalk_pkey', ['from_code', 'to_code', 'effective'])
    .execute();
  await db.schema.createIndex('crosswalk_to').on('crosswalk').columns(['to_code', 'from_code']).execute();

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'text', (col) => code(col, 'id').primaryKey())
    .addColumn('position', 'integer', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('annual-index', 'service-kpi')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text')
    .addColumn('short_name', 'text', (col) => col.notNull())
    .addColumn('short_name_en', 'text')
    .addColumn('publisher', 'text')
    .addColumn('publisher_en', 'text')
    .addColumn('unit_index_name', 'text')
    .addColumn('unit_index_name_en', 'text')
    .addColumn('scale_min', 'double precision', (col) => col.notNull())
    .addColumn('scale_max', 'double precision', (col) => col.notNull())
    .addColumn('scale_unit', 'text', (col) => col.notNull().check(sql`scale_unit in ('points', 'percent', 'ratio')`))
    .addColumn('scale_decimals', 'integer', (col) => col.notNull().check(sql`scale_decimals between 0 and 4`))
    .addColumn('direction', 'text', (col) => col.notNull().check(sql`direction in ('higher-is-better', 'lower-is-better')`))
    .addColumn('cadence', 'text', (col) => col.notNull())
    .addColumn('first_period', 'integer', (col) => col.check(sql`first_period between 1990 and 2100`))
    .addCheckConstraint(
      'indicators_names',
      sql`${text('name')} and ${text('name_en')} and ${text('short_name')} and ${text('short_name_en')} and ${text('publisher')} and ${text('publisher_en')} and ${text('unit_index_name')} and ${text('unit_index_name_en')}`,
    )
    .execute();

  await db.schema
    .createTable('indicator_levels')
    .addColumn('indicator_id', 'text', (col) => code(col, 'indicator_id').references('indicators.id').onDelete('cascade'))
    .addColumn('level_id', 'text', (col) => code(col, 'level_id').references('levels.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('indicator_levels_pkey', ['indicator_id', 'level_id'])
    .addUniqueConstraint('indicator_levels_order', ['indicator_id', 'position'])
    .execute();

  await db.schema
    .createTable('components')
    .addColumn('indicator_id', 'text', (col) => code(col, 'indicator_id').references('indicators.id').onDelete('cascade'))
    .addColumn('id', 'text', (col) => code(col, 'id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text')
    .addColumn('max', 'double precision', (col) => col.notNull())
    .addColumn('weight', 'double precision', (col) => col.check(sql`weight between 0 and 1`))
    .addColumn('valid_from', 'integer', (col) => col.check(sql`valid_from between 1990 and 2100`))
    .addColumn('valid_to', 'integer', (col) => col.check(sql`valid_to between 1990 and 2100`))
    .addPrimaryKeyConstraint('components_pkey', ['indicator_id', 'id'])
    .addUniqueConstraint('components_order', ['indicator_id', 'position'])
    .addCheckConstraint('components_names', sql`${text('name')} and ${text('name_en')}`)
    .addCheckConstraint('components_validity', sql`valid_to is null or valid_from is null or valid_from <= valid_to`)
    .execute();

  await db.schema
    .createTable('methodology_breaks')
    .addColumn('indicator_id', 'text', (col) => code(col, 'indicator_id').references('indicators.id').onDelete('cascade'))
    .addColumn('period', 'integer', (col) => col.notNull().check(sql`period between 1990 and 2100`))
    .addColumn('note', 'text', (col) => col.notNull())
    .addColumn('note_en', 'text')
    .addPrimaryKeyConstraint('methodology_breaks_pkey', ['indicator_id', 'period'])
    .addCheckConstraint('methodology_breaks_notes', sql`${text('note')} and ${text('note_en')}`)
    .execute();

  // One value per indicator, year and unit. The level is the unit's. The primary key serves the
  // indicator (and indicator + period) filters; the unit index serves a unit's series; the period index
  // serves the period filter and the years covered (min/max) of /meta.
  await db.schema
    .createTable('observations')
    .addColumn('indicator_id', 'text', (col) => code(col, 'indicator_id').references('indicators.id'))
    .addColumn('period', 'integer', (col) => col.notNull().check(sql`period between 1990 and 2100`))
    .addColumn('unit_code', 'text', (col) => code(col, 'unit_code').references('units.code'))
    .addColumn('value', 'double precision', (col) => col.notNull())
    .addColumn('rank', 'integer', (col) => col.check(sql`rank >= 1`))
    .addColumn('rank_of', 'integer', (col) => col.check(sql`rank_of >= 1`))
    .addPrimaryKeyConstraint('observations_pkey', ['indicator_id', 'period', 'unit_code'])
    .addCheckConstraint('observations_rank_within', sql`rank is null or rank_of is null or rank <= rank_of`)
    .addCheckConstraint('observations_finite', sql`value not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)`)
    .execute();
  await db.schema.createIndex('observations_unit').on('observations').columns(['unit_code', 'indicator_id', 'period']).execute();
  await db.schema.createIndex('observations_period').on('observations').columns(['period', 'indicator_id']).execute();

  // Component scores of one observation, one row each; they go with their observation.
  await db.schema
    .createTable('observation_components')
    .addColumn('indicator_id', 'text', (col) => code(col, 'indicator_id'))
    .addColumn('period', 'integer', (col) => col.notNull())
    .addColumn('unit_code', 'text', (col) => code(col, 'unit_code'))
    .addColumn('component_id', 'text', (col) => code(col, 'component_id'))
    .addColumn('value', 'double precision', (col) => col.notNull())
    .addPrimaryKeyConstraint('observation_components_pkey', ['indicator_id', 'period', 'unit_code', 'component_id'])
    .addForeignKeyConstraint('observation_components_observation', ['indicator_id', 'period', 'unit_code'], 'observations', ['indicator_id', 'period', 'unit_code'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('observation_components_component', ['indicator_id', 'component_id'], 'components', ['indicator_id', 'id'])
    .addCheckConstraint('observation_components_finite', sql`value not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)`)
    .execute();

  await db.schema
    .createTable('hub_meta')
    .addColumn('id', 'boolean', (col) => col.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('province_code', 'text', (col) => code(col, 'province_code').references('units.code'))
    .addColumn('region', 'text')
    .addColumn('region_en', 'text')
    .addColumn('timezone', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('note_en', 'text')
    .addColumn('sample', 'boolean', (col) => col.notNull())
    .addColumn('data_changed_at', 'timestamptz')
    .addCheckConstraint('hub_meta_texts', sql`${text('region')} and ${text('region_en')} and ${text('note')} and ${text('note_en')}`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['hub_meta', 'observation_components', 'observations', 'methodology_breaks', 'components', 'indicator_levels', 'indicators', 'crosswalk', 'units', 'levels']) {
    await db.schema.dropTable(table).execute();
  }
}
