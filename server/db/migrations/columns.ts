import { sql, type ColumnDefinitionBuilder } from 'kysely';

/**
 * Column rules the migrations share. A released migration must keep meaning what it meant, so these never change
 * either: a new rule is a new helper.
 */

/** An identifier as the contract's Code: 1–64 characters, compared byte by byte. */
export const code = (col: ColumnDefinitionBuilder, name: string) =>
  col.modifyFront(sql`collate "C"`).notNull().check(sql`length(${sql.ref(name)}) between 1 and 64`);
export const codeNullable = (col: ColumnDefinitionBuilder, name: string) =>
  col.modifyFront(sql`collate "C"`).check(sql`length(${sql.ref(name)}) between 1 and 64`);
/** A display string as the contract's Text: at most 500 characters. */
export const text = (name: string) => sql`${sql.ref(name)} is null or length(${sql.ref(name)}) <= 500`;
/** A year as the contract's Year. */
export const year = (name: string) => sql`${sql.ref(name)} between 1990 and 2100`;
/** A finite double. */
export const finite = (name: string) => sql`${sql.ref(name)} not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)`;
