import type { NationalResponse } from '../../src/contract/national';
import { matches, readCsv, readIntegers } from './query';
import type { RouteResolver } from './route';

/** GET /national?indicator=&period=: every province's standing per indicator and year. */
export const national: RouteResolver = ({ url }, { province }) => {
  const indicator = readCsv(url, 'indicator');
  const period = readIntegers(url, 'period');
  const rows = province.national.filter((row) => matches(indicator, row.indicator) && matches(period, row.period));
  return { data: { rows } satisfies NationalResponse['data'] };
};
