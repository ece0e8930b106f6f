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
import { GEO_JSON_TYPE, JSON_TYPE, ProblemError, apiPattern, jsonResponse, problemResponse } from './respond';
import { createRequestCounter, createRequestCounterHandlers, type RequestCounter } from './requests';
import type { ApiContext, RouteResolver } from './route';
import { serviceKpis } from './serviceKpis';

export type { AuthOptions } from './auth';
export { createFaultRegistry, FAULTS_PATH, type FaultRegistry, type FaultSettings, type FaultTarget } from './faults';
export { createRequestCounter, REQUESTS_PATH, type RequestCounter, type RequestCounts } from './requests';

/** One resolver per feed of the contract: a new route in ROUTES fails to compile until it has one. */
const RESOLVERS: Record<FeedId, RouteResolver> = {
  meta,
  units,
  indicators,
  observations,
  series,
  national,
  'service-kpis': serviceKpis,
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
}

interface Served {
  faults: FaultRegistry;
  requests: RequestCounter;
  auth: AuthOptions | undefined;
}

/** A route of the contract: counted, then checked for auth, then answered through the feed's fault. */
function routeHandler(route: Route, context: ApiContext, served: Served): HttpHandler {
  const resolve = RESOLVERS[route.feed];
  return http.get(apiPattern(route.path), async ({ request, params }) => {
    served.requests.count(route.feed);
    const refused = refuseUnauthorised(request, served.auth);
    if (refused) return refused;
    return applyFault(served.faults.get(route.feed), { feed: route.feed, request, indicators: context.province.indicators }, () => {
      const url = new URL(request.url);
      try {
        const at = context.now();
        const answer = resolve({ url, params: params as Record<string, string | undefined>, at }, context);
        const asOf = toVnIso(answer.asOf ?? at);
        if ('features' in answer) {
          return jsonResponse({ type: 'FeatureCollection', asOf, sample: true, features: answer.features }, { contentType: GEO_JSON_TYPE });
        }
        return jsonResponse({ asOf, sample: true, data: answer.data }, { contentType: route.mediaType === 'application/json' ? JSON_TYPE : GEO_JSON_TYPE });
      } catch (error) {
        if (error instanceof ProblemError) return problemResponse(error.status, error.detail, { instance: url.pathname });
        throw error;
      }
    });
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
  };
  return [
    ...createFaultControlHandlers(served.faults),
    ...createRequestCounterHandlers(served.requests),
    ...ROUTES.map((route) => routeHandler(route, context, served)),
    ...unmatchedHandlers(served.auth),
  ];
}
