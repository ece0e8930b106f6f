import type { EventsResponse } from '../../src/contract/events';
import type { IndicatorsResponse } from '../../src/contract/indicators';
import type { MetaResponse } from '../../src/contract/meta';
import type { UnitsResponse } from '../../src/contract/units';
import { matches, readCsv, levelIdsOf, readLevel } from './query';
import type { RouteResolver } from './route';

/** GET /meta: the province, its levels and the years covered. */
export const meta: RouteResolver = (_request, { province }) => ({ data: province.meta satisfies MetaResponse['data'] });

/**
 * GET /units?level=: the units of one level (or all), and the crosswalk edges that touch them
 * (from or to a unit in the answer), so a level's answer carries its own history.
 */
export const units: RouteResolver = ({ url }, { province }) => {
  const level = readLevel(url, levelIdsOf(province), { required: false });
  if (level === undefined) return { data: { units: province.units, crosswalk: province.crosswalk } satisfies UnitsResponse['data'] };
  const selected = province.units.filter((unit) => unit.level === level);
  const codes = new Set(selected.map((unit) => unit.code));
  const crosswalk = province.crosswalk.filter((edge) => codes.has(edge.from) || codes.has(edge.to));
  return { data: { units: selected, crosswalk } satisfies UnitsResponse['data'] };
};

/** GET /indicators: the catalogue. */
export const indicators: RouteResolver = (_request, { province }) => ({
  data: { indicators: province.indicators } satisfies IndicatorsResponse['data'],
});

/**
 * GET /events?indicator=: events about the indicators asked for. Events that name no indicator
 * (boundary changes, province-wide notes) concern every indicator, so they are always kept.
 */
export const events: RouteResolver = ({ url }, { province }) => {
  const wanted = readCsv(url, 'indicator');
  const rows = province.events.filter((event) => event.indicator === undefined || matches(wanted, event.indicator));
  return { data: { rows } satisfies EventsResponse['data'] };
};
