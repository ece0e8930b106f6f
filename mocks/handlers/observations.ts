import type { ObservationsResponse } from '../../src/contract/observations';
import { ProblemError } from './respond';
import { matches, readCsv, readIntegers, levelIdsOf, readLevel } from './query';
import type { RouteResolver } from './route';

/** GET /observations?indicator=&period=&level=&unit=: the rows matching every filter given. */
export const observations: RouteResolver = ({ url }, { province }) => {
  const indicator = readCsv(url, 'indicator');
  const period = readIntegers(url, 'period');
  const level = readLevel(url, levelIdsOf(province), { required: false });
  const unit = readCsv(url, 'unit');
  const rows = province.observations.filter(
    (row) =>
      matches(indicator, row.indicator) &&
      matches(period, row.period) &&
      (level === undefined || row.level === level) &&
      matches(unit, row.unit),
  );
  return { data: { rows } satisfies ObservationsResponse['data'] };
};

/** GET /units/{code}/series?indicator=: every year of every indicator (or those asked for) of one unit. */
export const series: RouteResolver = ({ url, params }, { province }) => {
  const code = params.code ?? '';
  if (!province.units.some((unit) => unit.code === code)) {
    throw new ProblemError(404, `No unit "${code}"; GET /units lists the unit codes.`);
  }
  const indicator = readCsv(url, 'indicator');
  const rows = province.observations.filter((row) => row.unit === code && matches(indicator, row.indicator));
  return { data: { rows } satisfies ObservationsResponse['data'] };
};
