import { http, type HttpHandler } from 'msw';
import { API_PREFIX, ROUTES, type FeedId, type Route } from '../../src/contract/routes';
import { toVnIso } from '../../src/domain/time';
import type { SampleProvince } from '../generator/types';
import { boundaries } from './boundaries';
import { events, indicators, meta, units } from './catalogue';
import { refuseUnauthorised, type AuthOptions } from './auth';
import { applyFault, createFaultControlHandlers, createFaultRegistry, type FaultRegistry } from './faults';
import { national } from './national';
import { observations, series } from './observations';
import { cacheControlOf, dailyLoadOf, etagOf, ifNoneMatchHits, notModifiedResponse, uncacheable } from './caching';
import { GEO_JSON_TYPE, JSON_TYPE, ProblemError, apiPattern, encodeJson, jsonBytesResponse, jsonResponse, problemResponse } from './respond';
import { createRequestCounter, createRequestCounterHandlers, type RequestCounter } from './requests';
import type { ApiContext, RouteResolver } from './route';
import { serviceKpis } from './serviceKpis';
import { serviceCloses, serviceHistory } from './serviceHistory';

export type { AuthOptions } from './auth';
export { createFaultRegistry, FAULTS_PATH, type FaultRegistry, type FaultSettings, type FaultTarget } from './faults';
export { createRequestCounter, REQUESTS_PATH, type RequestCounter, type RequestCounts } from './requests';
export { FEED_MAX_AGE_SECONDS, etagOf, ifNoneMatchHits } from './caching';

/** One resolver per feed of the contract: a new route in ROUTES fails to compile until it has one. */
const RESOLVERS: Record<FeedId, RouteResolver> = {
  meta,
  units,
  indicators,
  observations,
  series,
  national,
  'service-kpis': serviceKpis,
  'service-closes': serviceCloses,
  'service-history': serviceHistory,
  events,
  boundaries,
};

export interface HandlerOptions {
  /** The clock (default: the real one). */
  now?: () => Date;
  /** The fault registry the control endpoint switches (default: a new, healthy one). */
  faults?: FaultRegistry;
  /** The request counter /__mock/requests reads (default: a new one, from zero). */
  requests?: RequestCounter;
  /** When given, every /api/v1 request needs `Authorization: Bearer <token>`, else a 401 (/__mock stays open). */
  auth?: AuthOptions;
  /**
   * How many times faster than real time `now` runs (default 1). The load test speeds the sample's clock up;
   * max-age shrinks by the same factor.
   */
  timeScale?: number;
}

interface Served {
  faults: FaultRegistry;
  requests: RequestCounter;
  auth: AuthOptions | undefined;
  timeScale: number;
}

/**
 * A route of the contract: counted, then checked for auth, then answered. A healthy feed's data answer is
 * cacheable (an ETag of its bytes, max-age of the feed's cadence) and conditional (304 when If-None-Match
 * names its tag); while the feed has a fault, its answers go through the fault and are never cached nor 304.
 */
function routeHandler(route: Route, context: ApiContext, served: Served): HttpHandler {
  const resolve = RESOLVERS[route.feed];
  const cacheControl = cacheControlOf(route.feed, served.timeScale);
  const contentType = route.mediaType === 'application/json' ? JSON_TYPE : GEO_JSON_TYPE;
  return http.get(apiPattern(route.path), async ({ request, params }) => {
    served.requests.count(route.feed);
    const refused = refuseUnauthorised(request, served.auth);
    if (refused) return refused;
    const url = new URL(request.url);
    /** The answer's body, or the problem a bad request gets (never cached). */
    const answer = (): { body: unknown } | { problem: Response } => {
      try {
        const at = context.now();
        const resolved = resolve({ url, params: params as Record<string, string | undefined>, at }, context);
        // asOf is when the data last changed, never "now", so the bytes of an unchanged answer stay the same.
        const asOf = toVnIso(resolved.asOf ?? dailyLoadOf(at));
        if ('features' in resolved) return { body: { type: 'FeatureCollection', asOf, sample: true, features: resolved.features } };
        return { body: { asOf, sample: true, data: resolved.data } };
      } catch (error) {
        if (error instanceof ProblemError) return { problem: problemResponse(error.status, error.detail, { instance: url.pathname }) };
        throw error;
      }
    };
    const fault = served.faults.get(route.feed);
    if (fault) {
      const faulty = await applyFault(fault, { feed: route.feed, request, indicators: context.province.indicators }, () => {
        const result = answer();
        return 'problem' in result ? result.problem : jsonResponse(result.body, { contentType });
      });
      return uncacheable(faulty);
    }
    const result = answer();
    if ('problem' in result) return result.problem;
    const bytes = encodeJson(result.body);
    const etag = etagOf(bytes);
    if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) {
      served.requests.countNotModified(route.feed);
      return notModifiedResponse(etag, cacheControl);
    }
    return jsonBytesResponse(bytes, { contentType, headers: { ETag: etag, 'Cache-Control': cacheControl } });
  });
}

/** Answers anything else under the API prefix: 401 without auth, 405 on a known path with another method, else 404. */
function unmatchedHandlers(auth: AuthOptions | undefined): HttpHandler[] {
  const known = ROUTES.map((route) => new RegExp(`${API_PREFIX}${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`));
  const answer = ({ request }: { request: Request }) => {
    const refused = refuseUnauthorised(request, auth);
    if (refused) return refused;
    const path = new URL(request.url).pathname;
    if (known.some((pattern) => pattern.test(path))) {
      return problemResponse(405, `${request.method} is not allowed here; the sample API only answers GET.`, { instance: path, headers: { Allow: 'GET' } });
    }
    return problemResponse(404, `No route ${path}; the routes are ${ROUTES.map((route) => API_PREFIX + route.path).join(', ')}.`, { instance: path });
  };
  return [http.all(`*${API_PREFIX}`, answer), http.all(`*${API_PREFIX}/*`, answer)];
}

/**
 * The sample API over one generated province: every route of contract v1 under /api/v1 on any origin,
 * the fault control endpoint (/__mock/faults), the request counter (/__mock/requests), and 404/405
 * problems for anything else under /api/v1. The same handlers serve the browser worker, the node server
 * (through getResponse) and msw/node.
 */
export function createHandlers(province: SampleProvince, options: HandlerOptions = {}): HttpHandler[] {
  const context: ApiContext = { province, now: options.now ?? (() => new Date()) };
  const served: Served = {
    faults: options.faults ?? createFaultRegistry(),
    requests: options.requests ?? createRequestCounter(context.now),
    auth: options.auth,
    timeScale: options.timeScale ?? 1,
  };
  return [
    ...createFaultControlHandlers(served.faults),
    ...createRequestCounterHandlers(served.requests),
    ...ROUTES.map((route) => routeHandler(route, context, served)),
    ...unmatchedHandlers(served.auth),
  ];
}
