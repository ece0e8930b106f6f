import type { Kysely } from 'kysely';
import type { ServiceKpiRow } from '../../src/contract/serviceKpis';
import { toVnIso } from '../../src/domain/time';
import type { Database } from '../db/schema';

/** Stored figures as contract rows, with when the latest of them was stored (for the answer's asOf). */
export interface StoredServiceRows {
  rows: ServiceKpiRow[];
  /** The latest stored_at among the rows, or null when there is none. */
  storedAt: Date | null;
}

export interface ClosesQuery {
  /** Days from and to (inclusive), as ISO dates. */
  from: string;
  to: string;
  /** Also this day, outside the range (the last working day before a month's first). */
  alsoDay?: string | null;
  level?: string;
  units?: readonly string[];
}

/** `rates` rebuilt in the catalogue's order (jsonb keeps its keys in its own order). */
function ratesInOrder(stored: Readonly<Record<string, number | null>>, kpis: readonly string[]): Record<string, number | null> {
  const rates: Record<string, number | null> = {};
  for (const kpi of kpis) if (kpi in stored) rates[kpi] = stored[kpi] ?? null;
  return rates;
}

/**
 * Days' closes (the latest snapshot of each unit's day; today's is the day so far) in the given range, by unit
 * in meta.levels order and code, then by day.
 */
export async function readCloses(db: Kysely<Database>, query: ClosesQuery, kpis: readonly string[]): Promise<StoredServiceRows> {
  let select = db
    .selectFrom('service_day_closes as c')
    .innerJoin('units as u', 'u.code', 'c.unit_code')
    .innerJoin('levels as l', 'l.id', 'u.level_id')
    .select((eb) => [
      'c.unit_code',
      'u.level_id',
      eb.cast<string>('c.day', 'text').as('day'),
      'c.at',
      'c.received',
      'c.resolved',
      'c.resolved_on_time',
      'c.pending',
      'c.overdue',
      'c.rates',
      'c.stored_at',
    ])
    .where((eb) => {
      const inRange = eb.and([eb('c.day', '>=', query.from), eb('c.day', '<=', query.to)]);
      return query.alsoDay ? eb.or([inRange, eb('c.day', '=', query.alsoDay)]) : inRange;
    })
    .orderBy('l.position')
    .orderBy('c.unit_code')
    .orderBy('c.day');
  if (query.level !== undefined) select = select.where('u.level_id', '=', query.level);
  if (query.units !== undefined) select = select.where('c.unit_code', 'in', query.units.length > 0 ? [...query.units] : ['']);
  let storedAt: Date | null = null;
  const rows = (await select.execute()).map((row): ServiceKpiRow => {
    if (storedAt === null || row.stored_at > storedAt) storedAt = row.stored_at;
    return {
      unit: row.unit_code,
      level: row.level_id,
      day: row.day,
      at: toVnIso(new Date(row.at)),
      counts: { received: row.received, resolved: row.resolved, resolvedOnTime: row.resolved_on_time, pending: row.pending, overdue: row.overdue },
      rates: ratesInOrder(row.rates, kpis),
    };
  });
  return { rows, storedAt };
}

/** The latest instant of any unit's figures of `day` (when today's figures were last taken), or null. */
export async function latestSnapshotOf(db: Kysely<Database>, day: string): Promise<Date | null> {
  const row = await db.selectFrom('service_day_closes').select((eb) => eb.fn.max('at').as('at')).where('day', '=', day).executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}

/** Whether the unit has any one-stop-shop figures stored. */
export async function hasServiceFigures(db: Kysely<Database>, unit: string): Promise<boolean> {
  return (await db.selectFrom('service_day_closes').select('unit_code').where('unit_code', '=', unit).limit(1).executeTakeFirst()) !== undefined;
}
