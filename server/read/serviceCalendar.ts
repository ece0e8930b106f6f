import type { Kysely } from 'kysely';
import type { ServiceDay } from '../../src/contract/serviceHistory';
import { isWeekend } from '../../src/domain/calendarDays';
import type { Database } from '../db/schema';

/** A day of the calendar as the contract tells it, for any day of a span. */
export type CalendarOf = (day: string) => ServiceDay;

/**
 * The province's calendar from `from` to `to`: the days the calendar table names as they are there, every
 * other day by the default rule (Monday to Friday work, no holiday). Days outside the span follow the rule too.
 */
export async function readCalendar(db: Kysely<Database>, from: string, to: string): Promise<CalendarOf> {
  const rows = await db
    .selectFrom('service_calendar')
    .select((eb) => [eb.cast<string>('day', 'text').as('day'), 'working', 'holiday'])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  const named = new Map(rows.map((row) => [row.day, { day: row.day, working: row.working, holiday: row.holiday }]));
  return (day) => named.get(day) ?? { day, working: !isWeekend(day), holiday: null };
}

