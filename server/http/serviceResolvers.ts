import type { ServiceKpiRow } from '../../src/contract/serviceKpis';
import type { ServicePeriodRow } from '../../src/contract/serviceHistory';
import { addDays, monthStart } from '../../src/domain/calendarDays';
import { calendarAround, calendarSpan, dayRow, lastTwelveMonths, lastWorkingDayBefore, monthSoFar, sumPeriod, WORKING_DAY_LOOKBACK } from '../../src/domain/serviceRollup';
import { vnDay } from '../../src/domain/time';
import { dailyLoadOf } from '../../mocks/handlers/caching';
import { readCsv, readLevel } from '../../mocks/handlers/query';
import { ProblemError } from '../../mocks/handlers/respond';
import { readLevelIds, unitExists } from '../read/dataset';
import { readCalendar } from '../read/serviceCalendar';
import { hasServiceFigures, latestSnapshotOf, readCloses } from '../read/serviceFigures';
import { readServiceKpiIds } from '../read/serviceKpiIds';
import type { HubResolver, HubRequest } from './resolvers';

/**
 * The one-stop-shop routes, from stored history: today's figures are each unit's latest snapshot of the day, and
 * closed periods are rolled up from the days' closes by the rules the sample API applies to its model
 * (src/domain/serviceRollup), so both answer the same for the same days.
 */

/** When closed periods last changed: the sample's daily load (as the sample API stamps it), else the latest close stored. */
function closedAsOf({ dataset, now }: HubRequest, storedAt: Date | null): Date {
  return dataset.sample || storedAt === null ? dailyLoadOf(now) : storedAt;
}

/** Rows ordered by unit, as runs of one unit's rows. */
function byUnit(rows: readonly ServiceKpiRow[]): ServiceKpiRow[][] {
  const runs: ServiceKpiRow[][] = [];
  for (const row of rows) {
    const run = runs[runs.length - 1];
    if (run?.[0]?.unit === row.unit) run.push(row);
    else runs.push([row]);
  }
  return runs;
}

const within = (rows: readonly ServiceKpiRow[], from: string, to: string) => rows.filter((row) => row.day >= from && row.day <= to);

/** GET /service-kpis?level=&unit=: every unit's figures of today so far; asOf is when the latest of them was taken. */
export const serviceKpis: HubResolver = async (request, db) => {
  const level = readLevel(request.url, await readLevelIds(db), { required: false });
  const units = readCsv(request.url, 'unit');
  const today = vnDay(request.now);
  const { rows } = await readCloses(db, { from: today, to: today, level, units }, await readServiceKpiIds(db));
  return { data: { rows }, asOf: (await latestSnapshotOf(db, today)) ?? dailyLoadOf(request.now) };
};

/** GET /service-kpis/closes?level=&unit=: every unit's close of the last working day and its month so far. */
export const serviceCloses: HubResolver = async (request, db) => {
  const level = readLevel(request.url, await readLevelIds(db), { required: false });
  const units = readCsv(request.url, 'unit');
  const today = vnDay(request.now);
  const span = calendarSpan(today);
  const lookback = addDays(today, -WORKING_DAY_LOOKBACK);
  const calendar = await readCalendar(db, lookback < span.from ? lookback : span.from, span.to);
  const lastWorkingDay = lastWorkingDayBefore(today, (day) => calendar(day).working);
  const period = monthSoFar(today);
  const kpis = await readServiceKpiIds(db);
  const { rows, storedAt } = await readCloses(db, { from: period.from, to: period.to, alsoDay: lastWorkingDay, level, units }, kpis);
  const out: ServicePeriodRow[] = [];
  for (const days of byUnit(rows)) {
    const close = days.find((row) => row.day === lastWorkingDay);
    if (close) out.push(dayRow(close));
    const month = sumPeriod(period, within(days, period.from, period.to), kpis);
    if (month) out.push(month);
  }
  return { data: { today, lastWorkingDay, calendar: calendarAround(today, calendar), rows: out }, asOf: closedAsOf(request, storedAt) };
};

/** GET /units/{code}/service-history: one unit's daily closes of this month and the last, and its last twelve months. */
export const serviceHistory: HubResolver = async (request, db) => {
  const code = request.params.code ?? '';
  if (!(await unitExists(db, code))) throw new ProblemError(404, `No unit "${code}"; GET /units lists the unit codes.`);
  if (!(await hasServiceFigures(db, code))) throw new ProblemError(404, `Unit "${code}" has no one-stop-shop figures (only the province and the units in force have them).`);
  const today = vnDay(request.now);
  const span = calendarSpan(today);
  const calendar = await readCalendar(db, span.from, span.to);
  const kpis = await readServiceKpiIds(db);
  const { rows, storedAt } = await readCloses(db, { from: monthStart(today, -12), to: addDays(today, -1), units: [code] }, kpis);
  const days = within(rows, monthStart(today, -1), addDays(today, -1)).map(dayRow);
  const months = lastTwelveMonths(today).flatMap((period) => sumPeriod(period, within(rows, period.from, period.to), kpis) ?? []);
  return { data: { unit: code, today, calendar: calendarAround(today, calendar), days, months }, asOf: closedAsOf(request, storedAt) };
};
