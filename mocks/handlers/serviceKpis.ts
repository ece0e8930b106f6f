import type { ServiceKpisResponse } from '../../src/contract/serviceKpis';
import { serviceKpisAt } from '../generator/serviceKpis';
import { matches, readCsv, levelIdsOf, readLevel } from './query';
import type { RouteResolver } from './route';

const MINUTE_MS = 60_000;

/**
 * GET /service-kpis?level=&unit=: the live one-stop-shop figures, as a snapshot taken at the start of
 * the current minute; the answer's asOf is that minute.
 */
export const serviceKpis: RouteResolver = ({ url, at }, { province }) => {
  const level = readLevel(url, levelIdsOf(province), { required: false });
  const unit = readCsv(url, 'unit');
  const minute = new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);
  const rows = serviceKpisAt(province, minute).filter((row) => (level === undefined || row.level === level) && matches(unit, row.unit));
  return { data: { rows } satisfies ServiceKpisResponse['data'], asOf: minute };
};
