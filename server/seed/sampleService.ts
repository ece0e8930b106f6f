import { sql, type Kysely } from 'kysely';
import type { ServiceKpiRow } from '../../src/contract/serviceKpis';
import { addDays, daysBetween, monthEnd, monthStart } from '../../src/domain/calendarDays';
import { vnDay } from '../../src/domain/time';
import { sampleCalendarDay } from '../../mocks/generator/calendar';
import { dayClose } from '../../mocks/generator/serviceHistory';
import { serviceKpisAt } from '../../mocks/generator/serviceKpis';
import type { SampleProvince } from '../../mocks/generator/types';
import type { Database } from '../db/schema';
import { storeServiceCloses, storeServiceRows } from '../write/serviceFigures';

/**
 * The sample's one-stop-shop system: it sends the hub what a province's would, so the hub's service routes read
 * stored history for the sample as they do for a real province. It fills the calendar, back-fills every closed
 * day the hub lacks (the last twelve months and this one), and stores the current minute's snapshot.
 */

/** What the sample's figures are stored as coming from. */
export const SAMPLE_SOURCE = 'sample';

/** How long the sample's minute-by-minute snapshots are kept (a real source's are kept for good; closes always are). */
export const SAMPLE_SNAPSHOT_DAYS = 2;

/** Key of the advisory lock that keeps two hubs on one database from feeding the same days at once. */
const FEED_LOCK_KEY = 766_0002;

/** The sample's day close is its figures at 23:59 (mocks/generator/serviceHistory.ts). */
const closeInstant = (day: string): number => new Date(`${day}T23:59:00+07:00`).getTime();

export interface FeedReport {
  /** Closed days written by the back-fill. */
  backfilledDays: number;
  /** Snapshots stored for the current minute (0 when it was stored already). */
  snapshots: number;
}

/** The sample's rows of units in force on `day` (communes from the 2025 reform on). */
function inForce(province: SampleProvince, day: string, rows: readonly ServiceKpiRow[]): ServiceKpiRow[] {
  const units = new Map(province.units.map((unit) => [unit.code, unit]));
  return rows.filter((row) => {
    const unit = units.get(row.unit);
    return unit !== undefined && (unit.validFrom === null || unit.validFrom <= day) && (unit.validTo === null || day <= unit.validTo);
  });
}

/** The sample's calendar from a year before `today` to a year after it; days already there stay as they are. */
async function storeCalendar(db: Kysely<Database>, today: string): Promise<void> {
  const days = daysBetween(monthStart(today, -13), monthEnd(monthStart(today, 12))).map(sampleCalendarDay);
  for (let start = 0; start < days.length; start += 500) {
    await db
      .insertInto('service_calendar')
      .values(days.slice(start, start + 500))
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
  }
}

/** Closed days from `from` to yesterday whose close the hub lacks, or holds only from before the day's end. */
async function daysToBackfill(db: Kysely<Database>, from: string, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('service_day_closes')
    .select((eb) => [eb.cast<string>('day', 'text').as('day'), eb.fn.min('at').as('earliest')])
    .where('source', '=', SAMPLE_SOURCE)
    .where('day', '>=', from)
    .where('day', '<', today)
    .groupBy('day')
    .execute();
  const closed = new Map(rows.map((row) => [row.day, new Date(row.earliest).getTime()]));
  return daysBetween(from, addDays(today, -1)).filter((day) => (closed.get(day) ?? 0) < closeInstant(day));
}

/**
 * One feed of the sample at `at`, in one transaction: with `backfill`, the calendar and the closed days missing
 * since the first of the month a year ago; always, the snapshot of `at`'s minute; and the sample's snapshots
 * older than SAMPLE_SNAPSHOT_DAYS pruned. Running it again at the same minute changes nothing.
 */
export async function feedSample(db: Kysely<Database>, province: SampleProvince, at: Date, options: { backfill: boolean }): Promise<FeedReport> {
  const today = vnDay(at);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${FEED_LOCK_KEY})`.execute(trx);
    let backfilledDays = 0;
    if (options.backfill) {
      await storeCalendar(trx, today);
      for (const day of await daysToBackfill(trx, monthStart(today, -12), today)) {
        await storeServiceCloses(trx, inForce(province, day, dayClose(province, day)), SAMPLE_SOURCE);
        backfilledDays += 1;
      }
    }
    const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    const { snapshots } = await storeServiceRows(trx, inForce(province, today, serviceKpisAt(province, minute)), SAMPLE_SOURCE);
    await trx.deleteFrom('service_snapshots').where('source', '=', SAMPLE_SOURCE).where('day', '<', addDays(today, -SAMPLE_SNAPSHOT_DAYS)).execute();
    return { backfilledDays, snapshots };
  });
}
