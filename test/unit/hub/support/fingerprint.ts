import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../../server/db/schema';

/** Row counts and a hash of every stored live figure: what tells "nothing was written". */
export async function serviceFingerprint(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ print: string }>`
    select (select count(*) from service_snapshots) || ' ' || (select count(*) from service_day_closes) || ' ' ||
      (select md5(coalesce(string_agg(t::text, ',' order by unit_code, at), '')) from service_snapshots t) || ' ' ||
      (select md5(coalesce(string_agg(t::text, ',' order by unit_code, day), '')) from service_day_closes t) as print`.execute(db);
  return rows[0]?.print ?? '';
}

/** Row counts and a hash of every stored annual result, component score and import: "nothing was written". */
export async function resultsFingerprint(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ print: string }>`
    select (select count(*) from observations) || ' ' || (select count(*) from observation_components) || ' ' ||
      (select count(*) from imports) || ' ' || (select count(*) from import_replaced) || ' ' ||
      (select md5(coalesce(string_agg(t::text, ',' order by indicator_id, period, unit_code), '')) from observations t) || ' ' ||
      (select md5(coalesce(string_agg(t::text, ',' order by indicator_id, period, unit_code, component_id), '')) from observation_components t) || ' ' ||
      (select md5(coalesce(string_agg(t::text, ',' order by id), '')) from imports t) || ' ' ||
      (select coalesce(data_changed_at::text, '-') from hub_meta) as print`.execute(db);
  return rows[0]?.print ?? '';
}
