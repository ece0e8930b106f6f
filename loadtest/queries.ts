import config from '../public/config.json';
import type { FeedId } from '../src/contract/routes';

/** One query a screen keeps asking: its feed (whose cadence it follows) and its URL below apiBase. */
export interface ScreenQuery {
  feed: FeedId;
  path: string;
}

/** The six annual indices, as the wall's playlist names them. */
export const INDICES = ['par', 'sipas', 'pci', 'papi', 'ict', 'dti'] as const;
/** The year the wall shows. */
export const PERIOD = 2025;

/**
 * The queries a real wall screen asked for, recorded in a browser over its playlist: the catalogue, the
 * communes' outlines, the province's observations and each index's, each index's national table for the
 * year, the live KPIs, their closes and the province's service history, and the events. All of them are taken as in use all the time, an upper bound: in the
 * app only the scene on screen polls.
 */
export const WALL_QUERIES: readonly ScreenQuery[] = [
  { feed: 'meta', path: 'meta' },
  { feed: 'units', path: 'units' },
  { feed: 'indicators', path: 'indicators' },
  { feed: 'boundaries', path: 'boundaries?level=commune' },
  { feed: 'observations', path: 'observations?level=province' },
  ...INDICES.map((id): ScreenQuery => ({ feed: 'observations', path: `observations?indicator=${id}` })),
  ...INDICES.map((id): ScreenQuery => ({ feed: 'national', path: `national?indicator=${id}&period=${PERIOD}` })),
  { feed: 'service-kpis', path: 'service-kpis' },
  { feed: 'service-closes', path: 'service-kpis/closes' },
  // The province's daily closes, for the services scene's month trends (the sample province's code is 99).
  { feed: 'service-history', path: 'units/99/service-history' },
  { feed: 'events', path: 'events' },
];

type ConfigFeed = Exclude<FeedId, 'boundaries'>;

/**
 * How often the app asks for the boundaries again: once a day (BOUNDARIES_REFRESH_SECONDS of
 * src/stores/boundaries.ts; a unit test keeps the two equal). They come through `geo`, not a feed of config.json.
 */
export const BOUNDARIES_REFRESH_SECONDS = 86_400;

/** A feed's cadence in real seconds, as the app polls it: `feeds.<feed>.refreshSeconds` of public/config.json. */
export function cadenceSeconds(feed: FeedId): number {
  if (feed === 'boundaries') return BOUNDARIES_REFRESH_SECONDS;
  const key: ConfigFeed = feed;
  return config.feeds[key].refreshSeconds;
}

/** The request settings of config.json: timeout and retries with backoff and full jitter. */
export const REQUEST = config.request;

/** Requests one screen makes per hour of real time at most: each query once per cadence. */
export function requestsPerScreenHour(queries: readonly ScreenQuery[] = WALL_QUERIES): number {
  return queries.reduce((sum, query) => sum + 3600 / cadenceSeconds(query.feed), 0);
}
