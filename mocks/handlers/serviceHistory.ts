import type { ServiceClosesResponse, ServiceHistoryResponse } from '../../src/contract/serviceHistory';
import { serviceClosesAt, serviceHistoryAt } from '../generator/serviceHistory';
import { dailyLoadOf } from './caching';
import { matches, readCsv, levelIdsOf, readLevel } from './query';
import { ProblemError } from './respond';
import type { RouteResolver } from './route';

/**
 * GET /service-kpis/closes?level=&unit=: every unit's close of the last working day and its month so far. Closed
 * periods change once a day, so the answer is stamped with the day's load (midnight) and keeps its ETag all day.
 */
export const serviceCloses: RouteResolver = ({ url, at }, { province }) => {
  const level = readLevel(url, levelIdsOf(province), { required: false });
  const unit = readCsv(url, 'unit');
  const closes = serviceClosesAt(province, at);
  const rows = closes.rows.filter((row) => (level === undefined || row.level === level) && matches(unit, row.unit));
  return { data: { ...closes, rows } satisfies ServiceClosesResponse['data'], asOf: dailyLoadOf(at) };
};

/** GET /units/{code}/service-history: one unit's daily closes of this month and the last, and its last twelve months. */
export const serviceHistory: RouteResolver = ({ params, at }, { province }) => {
  const code = params.code ?? '';
  if (!province.units.some((unit) => unit.code === code)) {
    throw new ProblemError(404, `No unit "${code}"; GET /units lists the unit codes.`);
  }
  const history = serviceHistoryAt(province, code, at);
  if (!history) throw new ProblemError(404, `Unit "${code}" has no one-stop-shop figures (only the province and the units in force have them).`);
  return { data: history satisfies ServiceHistoryResponse['data'], asOf: dailyLoadOf(at) };
};
