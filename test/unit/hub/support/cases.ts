import { API_PREFIX } from '../../../../src/contract/routes';

/** One request of the contract suite, asked of both implementations. */
export interface ContractCase {
  /** What the case is about, as a caller would say it. */
  name: string;
  /** Path and query below /api/v1. */
  path: string;
}

export const url = (path: string): string => `http://api.test${API_PREFIX}${path}`;

/** Requests whose answer is data (200, cacheable, validated by the route's schema). */
export const DATA_CASES: ContractCase[] = [
  { name: 'the province, its levels and years', path: '/meta' },
  { name: 'every unit with the whole crosswalk', path: '/units' },
  { name: 'the districts with the crosswalk edges out of them', path: '/units?level=district' },
  { name: 'the communes with the crosswalk edges into them', path: '/units?level=commune' },
  { name: 'the province alone, with no crosswalk edge', path: '/units?level=province' },
  { name: 'the catalogue', path: '/indicators' },
  { name: 'every observation', path: '/observations' },
  { name: 'one indicator', path: '/observations?indicator=par' },
  { name: 'two indicators in two years (the years of the reform)', path: '/observations?indicator=par,dti&period=2024,2025' },
  { name: 'repeated keys and spaces in lists', path: '/observations?period=2019&period=%202020%20,2021&indicator=sipas' },
  { name: 'the province rows with their national ranks', path: '/observations?level=province' },
  { name: 'two communes in one year', path: '/observations?level=commune&unit=99003,99006&period=2025' },
  { name: 'a district across the years of one index', path: '/observations?unit=990&indicator=pci' },
  { name: 'a filter nothing matches', path: '/observations?indicator=unknown-index' },
  { name: 'unknown parameters are ignored', path: '/observations?indicator=ict&_=12345' },
  { name: "a district's series", path: '/units/990/series' },
  { name: "the province's series of two indices", path: '/units/99/series?indicator=dti,papi' },
  { name: "a commune's series", path: '/units/99003/series?indicator=par' },
  { name: 'every national table', path: '/national' },
  { name: 'the national tables of one index in the years of the reform (63, then 34 provinces)', path: '/national?indicator=pci&period=2024,2025' },
  { name: 'a national table nothing matches', path: '/national?period=1999' },
  { name: 'every event', path: '/events' },
  { name: "one index's events, with the ones about every index", path: '/events?indicator=par' },
  { name: "the province's outline", path: '/boundaries?level=province' },
  { name: "the districts' outlines", path: '/boundaries?level=district' },
  { name: "the communes' outlines", path: '/boundaries?level=commune' },
  { name: "every unit's one-stop-shop figures of today so far", path: '/service-kpis' },
  { name: "the communes' figures of today", path: '/service-kpis?level=commune' },
  { name: "two units' figures of today", path: '/service-kpis?unit=99,99006' },
  { name: 'figures of a level that has none', path: '/service-kpis?level=district' },
  { name: "every unit's close of the last working day and its month so far", path: '/service-kpis/closes' },
  { name: "the province's closes", path: '/service-kpis/closes?level=province' },
  { name: "one commune's closes", path: '/service-kpis/closes?unit=99003' },
  { name: "the province's daily closes and its last twelve months", path: '/units/99/service-history' },
  { name: "a commune's history, since it came into force in the reform", path: '/units/99006/service-history' },
];

/** Requests the contract refuses: a problem with the same status and words from both. */
export const PROBLEM_CASES: ContractCase[] = [
  { name: 'an unknown level', path: '/observations?level=ward' },
  { name: 'two levels', path: '/observations?level=province&level=commune' },
  { name: 'a year that is not a number', path: '/observations?period=2024,20x4' },
  { name: 'an empty list', path: '/observations?indicator=' },
  { name: 'a list of only commas', path: '/observations?unit=,,' },
  { name: 'an unknown level of units', path: '/units?level=district,commune' },
  { name: 'the series of a unit that never existed', path: '/units/00000/series' },
  { name: 'a path that is no route', path: '/observation' },
  { name: 'a national table of a year that is not a number', path: '/national?period=twenty' },
  { name: 'events of an empty list of indices', path: '/events?indicator=,' },
  { name: 'outlines without a level', path: '/boundaries' },
  { name: 'outlines of an unknown level', path: '/boundaries?level=ward' },
  { name: "today's figures of an unknown level", path: '/service-kpis?level=ward' },
  { name: 'closes of an empty list of units', path: '/service-kpis/closes?unit=' },
  { name: 'the service history of a unit that never existed', path: '/units/00000/service-history' },
  { name: 'the service history of a district (districts have no one-stop-shop figures)', path: '/units/990/service-history' },
];
