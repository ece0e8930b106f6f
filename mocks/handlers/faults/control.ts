import { http, type HttpHandler } from 'msw';
import { FEED_IDS } from '../../../src/contract/routes';
import { jsonResponse, problemResponse } from '../respond';
import type { FaultRegistry } from './registry';
import { FAULT_KEYS, FAULTS_PATH, parseFaultBody, type FaultTarget } from './settings';

function isFaultTarget(value: string): value is FaultTarget {
  return value === '*' || (FEED_IDS as readonly string[]).includes(value);
}

/** What the control endpoint answers: the faults now in force, the feeds and the kinds it knows. */
function state(registry: FaultRegistry): Response {
  return jsonResponse({ faults: registry.list(), feeds: FEED_IDS, kinds: FAULT_KEYS });
}

/**
 * The control endpoint, as msw handlers so it works in the browser worker, on the node server and in
 * msw/node alike:
 * - `GET /__mock/faults` → `{ faults, feeds, kinds }`
 * - `POST /__mock/faults` with `{ feed, ...settings }` (see FaultSettings) → sets (replaces) the fault; a
 *   bad key or value is a 400 problem naming it; `breach` only with `"feed": "service-kpis"`
 * - `DELETE /__mock/faults` heals every feed; `DELETE /__mock/faults/:feed` heals one.
 */
export function createFaultControlHandlers(registry: FaultRegistry): HttpHandler[] {
  const pattern = `*${FAULTS_PATH}`;
  return [
    http.get(pattern, () => state(registry)),
    http.post(pattern, async ({ request }) => {
      let input: unknown;
      try {
        input = JSON.parse(await request.text());
      } catch {
        return problemResponse(400, 'The fault body is not JSON.', { instance: FAULTS_PATH });
      }
      const parsed = parseFaultBody(input);
      if (!parsed.ok) return problemResponse(400, parsed.detail, { instance: FAULTS_PATH });
      const { feed, ...settings } = parsed.body;
      registry.set(feed, settings);
      return state(registry);
    }),
    http.delete(pattern, () => {
      registry.heal();
      return state(registry);
    }),
    http.delete<{ feed: string }>(`${pattern}/:feed`, ({ params }) => {
      if (!isFaultTarget(params.feed)) {
        return problemResponse(404, `No feed "${params.feed}"; feeds are ${FEED_IDS.join(', ')}.`, { instance: `${FAULTS_PATH}/${params.feed}` });
      }
      registry.heal(params.feed);
      return state(registry);
    }),
    http.all(`${pattern}/*`, ({ request }) =>
      problemResponse(404, `Nothing at ${new URL(request.url).pathname}; the control endpoint is ${FAULTS_PATH}.`, { instance: new URL(request.url).pathname }),
    ),
  ];
}
