import type { Kysely } from 'kysely';
import { API_PREFIX, ROUTES, type Route } from '../../src/contract/routes';
import { ProblemError, problemResponse } from '../../mocks/handlers/respond';
import type { EditingConfig } from '../auth/config';
import type { EditorCheck } from '../auth/editorCheck';
import type { Database } from '../db/schema';
import { toVnIso } from '../../src/domain/time';
import { readDataset } from '../read/dataset';
import { asOfOf, dataResponse } from './answer';
import { createEditingRoutes, isEditingPath } from './editing';
import { ingestServiceKpis } from './ingest';
import { HUB_RESOLVERS, NoDatasetError } from './resolvers';

/** A Fetch-style server: what node:http (server/main.ts), a test or another runtime calls. */
export type FetchHandler = (request: Request) => Promise<Response>;

export interface HubOptions {
  db: Kysely<Database>;
  /** The clock (default: the real one): the seeded sample's asOf follows it. */
  now?: () => Date;
  /** Where unexpected failures are told (default: console.error). */
  log?: (message: string, error: unknown) => void;
  /** Who may write through HTTP (server/auth); absent: nobody, the editing routes answer 403. */
  editing?: { config: EditingConfig; check: (request: Request) => Promise<EditorCheck> };
}

interface MatchedRoute {
  route: Route;
  pattern: RegExp;
  /** Names of the path parameters, in the order of the pattern's groups. */
  names: string[];
}

/** A route's path template (`/units/{code}/series`) as an anchored pattern whose groups are its parameters. */
function compile(route: Route): MatchedRoute {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${API_PREFIX}${source}$`), names };
}

const COMPILED = ROUTES.map(compile);

function match(path: string): { route: Route; params: Record<string, string> } | 'bad-path' | undefined {
  for (const { route, pattern, names } of COMPILED) {
    const found = pattern.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    try {
      names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? '');
      });
    } catch {
      return 'bad-path';
    }
    return { route, params };
  }
  return undefined;
}

/**
 * The hub's HTTP layer: contract v1 under /api/v1 from the database, with the sample API's envelope, ETags,
 * 304s, Cache-Control and problem answers (400 for a bad parameter, 404 for an unknown unit or path,
 * 405 for another method than GET, 503 before any data is loaded).
 */
export function createHub(options: HubOptions): FetchHandler {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message, error) => console.error(message, error));

  const editing = createEditingRoutes({ db: options.db, config: options.editing?.config ?? null, check: options.editing?.check ?? null, now, log });

  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (isEditingPath(path)) return editing(request);
    const matched = match(path);
    if (matched === 'bad-path') return problemResponse(400, `The path ${path} is not valid percent-encoding.`, { instance: path });
    if (matched === undefined) {
      return problemResponse(404, `No route ${path}; the routes are ${ROUTES.map((route) => API_PREFIX + route.path).join(', ')}.`, { instance: path });
    }
    const ingests = matched.route.feed === 'service-kpis';
    if (ingests && request.method === 'POST') {
      try {
        return await ingestServiceKpis(request, options.db);
      } catch (error) {
        log(`The hub failed to store a push to ${path}:`, error);
        return problemResponse(500, 'The hub failed to store the push; nothing was stored; its log says why.', { instance: path });
      }
    }
    if (request.method !== 'GET') {
      const allow = ingests ? 'GET, POST' : 'GET';
      return problemResponse(405, `${request.method} is not allowed here; the hub's contract API only answers ${ingests ? 'GET, and POST from a source' : 'GET'}.`, { instance: path, headers: { Allow: allow } });
    }
    const resolve = HUB_RESOLVERS[matched.route.feed];
    try {
      const at = now();
      // One snapshot per answer: its asOf and its data agree even while an import commits.
      const geoJson = matched.route.mediaType === 'application/geo+json';
      const body = await options.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const dataset = await readDataset(trx);
          if (dataset === undefined) throw new NoDatasetError();
          const { data, asOf: changed } = await resolve({ url, params: matched.params, now: at, dataset }, trx);
          const asOf = changed === undefined ? asOfOf(dataset, at) : toVnIso(changed);
          return geoJson ? { type: 'FeatureCollection', asOf, sample: dataset.sample, features: data } : { asOf, sample: dataset.sample, data };
        });
      return dataResponse(request, matched.route.feed, body, geoJson);
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error.status, error.detail, { instance: path });
      if (error instanceof NoDatasetError) return problemResponse(503, error.message, { instance: path, headers: { 'Retry-After': '60' } });
      log(`The hub failed to answer ${path}:`, error);
      return problemResponse(500, 'The hub failed to answer; its log says why.', { instance: path });
    }
  };
}
