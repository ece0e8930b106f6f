import type { GenericSchema } from 'valibot';
import { MetaResponse } from './meta';
import { UnitsResponse } from './units';
import { IndicatorsResponse } from './indicators';
import { ObservationsResponse } from './observations';
import { NationalResponse } from './national';
import { ServiceKpisResponse } from './serviceKpis';
import { ServiceClosesResponse, ServiceHistoryResponse } from './serviceHistory';
import { EventsResponse } from './events';
import { BoundariesResponse } from './boundaries';

/** Base path of contract v1. */
export const API_PREFIX = '/api/v1';

/** Every feed of the contract; faults on the sample server are switched per feed id. */
export const FEED_IDS = [
  'meta',
  'units',
  'indicators',
  'observations',
  'series',
  'national',
  'service-kpis',
  'service-closes',
  'service-history',
  'events',
  'boundaries',
] as const;
export type FeedId = (typeof FEED_IDS)[number];

export interface QueryParam {
  name: string;
  description: string;
  /** `csv` params take one value or several separated by commas. */
  type: 'string' | 'integer' | 'csv';
  required?: boolean;
}

export interface Route {
  feed: FeedId;
  /** OpenAPI path template below API_PREFIX. */
  path: string;
  summary: string;
  query: QueryParam[];
  pathParams?: QueryParam[];
  response: GenericSchema;
  /** Media type of a successful response. */
  mediaType: 'application/json' | 'application/geo+json';
}

const indicatorParam: QueryParam = { name: 'indicator', type: 'csv', description: 'Indicator ids, e.g. par or par,pci. All when omitted.' };
const periodParam: QueryParam = { name: 'period', type: 'csv', description: 'Years, e.g. 2024 or 2023,2024. All when omitted.' };
const levelParam: QueryParam = { name: 'level', type: 'string', description: 'Level id from meta.levels (province, district, commune). All when omitted.' };

/** The routes of contract v1: read by the sample API and by the OpenAPI document's test. */
export const ROUTES: Route[] = [
  { feed: 'meta', path: '/meta', summary: 'The province, the levels present in the data, the years covered, and whether the data is a sample.', query: [], response: MetaResponse, mediaType: 'application/json' },
  { feed: 'units', path: '/units', summary: 'Every unit that existed in the years covered, with validity dates, and the crosswalk across boundary changes.', query: [levelParam], response: UnitsResponse, mediaType: 'application/json' },
  { feed: 'indicators', path: '/indicators', summary: 'The indicator catalogue: components with maxima and weights, scale, direction, cadence and methodology breaks.', query: [], response: IndicatorsResponse, mediaType: 'application/json' },
  {
    feed: 'observations',
    path: '/observations',
    summary: 'Values, ranks and components by indicator, period and level. The province row carries its national rank.',
    query: [indicatorParam, periodParam, levelParam, { name: 'unit', type: 'csv', description: 'Unit codes. All when omitted.' }],
    response: ObservationsResponse,
    mediaType: 'application/json',
  },
  {
    feed: 'series',
    path: '/units/{code}/series',
    summary: 'Every year of every indicator (or the ones asked for) for one unit.',
    pathParams: [{ name: 'code', type: 'string', required: true, description: 'Unit code.' }],
    query: [indicatorParam],
    response: ObservationsResponse,
    mediaType: 'application/json',
  },
  { feed: 'national', path: '/national', summary: 'National standing: every province per indicator and year.', query: [indicatorParam, periodParam], response: NationalResponse, mediaType: 'application/json' },
  { feed: 'service-kpis', path: '/service-kpis', summary: 'Live one-stop-shop KPIs per unit for the day so far.', query: [levelParam, { name: 'unit', type: 'csv', description: 'Unit codes. All when omitted.' }], response: ServiceKpisResponse, mediaType: 'application/json' },
  {
    feed: 'service-closes',
    path: '/service-kpis/closes',
    summary:
      'Closed periods of the one-stop-shop KPIs per unit: the last working day before today, and the month so far (through yesterday; on the first of a month, the month before). With the calendar of this month and the last.',
    query: [levelParam, { name: 'unit', type: 'csv', description: 'Unit codes. All when omitted.' }],
    response: ServiceClosesResponse,
    mediaType: 'application/json',
  },
  {
    feed: 'service-history',
    path: '/units/{code}/service-history',
    summary: "One unit's one-stop-shop KPIs: the daily closes of this month and the last, and the last twelve whole months.",
    pathParams: [{ name: 'code', type: 'string', required: true, description: 'Unit code (the province code for the whole province).' }],
    query: [],
    response: ServiceHistoryResponse,
    mediaType: 'application/json',
  },
  { feed: 'events', path: '/events', summary: 'Events and annotations: methodology breaks, boundary changes, publications.', query: [indicatorParam], response: EventsResponse, mediaType: 'application/json' },
  { feed: 'boundaries', path: '/boundaries', summary: 'Unit outlines as a GeoJSON FeatureCollection (schematic in the sample).', query: [{ name: 'level', type: 'string', required: true, description: 'Level id from meta.levels whose outlines are wanted.' }], response: BoundariesResponse, mediaType: 'application/geo+json' },
];
