import * as v from 'valibot';
import { delay, http, type HttpHandler } from 'msw';
import { Code } from '../../src/contract/common';
import { FEED_IDS, type FeedId } from '../../src/contract/routes';
import type { ServiceKpisResponse } from '../../src/contract/serviceKpis';
import { SERVICE_KPI_IDS } from '../generator/catalogue';
import { LEVEL_COMMUNE } from '../generator/constants';
import { jsonResponse, problemResponse } from './respond';

/**
 * Switchable faults of the sample API, per feed. A fault is a set of optional settings; each setting is
 * one kind of misbehaviour, and EFFECTS below says how each kind acts. To add a kind: add its setting
 * to FaultSettings (with what it accepts and how it reads in an error message) and its effect to
 * EFFECTS; the control endpoint, validation and application pick it up from there.
 */

/** Where the control endpoint lives, on every origin the handlers serve. */
export const FAULTS_PATH = '/__mock/faults';

const LATENCY_MAX_MS = 600_000;

/**
 * A live-KPI breach forced into the answers of the service-kpis feed, for as long as the fault is on:
 * after the route answers, `rates[kpi]` of the unit's row becomes `value`. For `on-time` the counts follow
 * (see countsOnTime), so the row still agrees with itself. Only that row changes: the province's row keeps
 * its own figures. Without `unit`, the first commune row of each answer is used (with no `unit` filter in
 * the request, the province's first commune); an answer without the unit's row is left as it was.
 */
const Breach = v.strictObject({
  /** The unit whose row is rewritten; by default the first commune row of each answer. */
  unit: v.optional(Code),
  /** A service-KPI id of the catalogue. */
  kpi: v.picklist(SERVICE_KPI_IDS),
  /** The percentage the KPI shows. */
  value: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100)),
});

/** What each setting accepts. Strict: an unknown key is an error, so a typo never passes silently. */
export const FaultSettings = v.strictObject({
  /** Wait this long (ms) before answering. */
  latencyMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LATENCY_MAX_MS))),
  /** Answer this HTTP error status with a problem+json body instead of the data. */
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599))),
  /** Never answer; the client's own timeout has to fire. */
  timeout: v.optional(v.boolean()),
  /** service-kpis only: answer with one unit's KPI set to a value, e.g. an on-time rate under its threshold. */
  breach: v.optional(Breach),
  /** Answer 200 with the data's JSON cut in half, so it does not parse. */
  malformed: v.optional(v.boolean()),
});
export type FaultSettings = v.InferOutput<typeof FaultSettings>;
export type FaultKey = keyof FaultSettings;
/** A feed id, or `*` for every feed. */
export type FaultTarget = FeedId | '*';

/** How each setting reads in an error message. */
const EXPECTED: Record<FaultKey | 'feed', string> = {
  feed: `a feed id (${FEED_IDS.join(', ')}) or "*"`,
  latencyMs: `a whole number of milliseconds from 0 to ${LATENCY_MAX_MS}`,
  status: 'an HTTP error status, a whole number from 400 to 599',
  timeout: 'true or false',
  breach:
    `an object { "kpi": one of ${SERVICE_KPI_IDS.join(', ')}; "value": a percentage from 0 to 100; ` +
    '"unit" (optional): a unit code, by default the first commune }',
  malformed: 'true or false',
};

/** Settings that act on one feed only: setting them on another feed (or on "*") is refused. */
const ONLY_ON: Partial<Record<FaultKey, FeedId>> = { breach: 'service-kpis' };

const FaultBody = v.strictObject({
  feed: v.picklist([...FEED_IDS, '*'] as const),
  ...FaultSettings.entries,
});
export type FaultBody = v.InferOutput<typeof FaultBody>;

export interface FaultContext {
  feed: FeedId;
  request: Request;
}

type Present<T> = Exclude<T, undefined>;
type Breach = v.InferOutput<typeof Breach>;

interface FaultEffect<K extends FaultKey> {
  /** Before the route answers: may wait, or answer in its place (an error, or nothing at all). */
  before?: (value: Present<FaultSettings[K]>, context: FaultContext) => Promise<Response | undefined>;
  /** On the route's answer: may replace it. */
  after?: (value: Present<FaultSettings[K]>, response: Response, context: FaultContext) => Promise<Response>;
}

/**
 * Waits for `duration` (or forever) unless the request is aborted first (the client gave up, or the
 * node server saw the socket close); resolves true when it was aborted.
 */
async function waitUnlessAborted(duration: number | 'infinite', signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return true;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<boolean>((resolve) => {
    onAbort = () => resolve(true);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([delay(duration).then(() => false), aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

type ServiceKpiRow = ServiceKpisResponse['data']['rows'][number];
type Counts = ServiceKpiRow['counts'];

/** To the one decimal the feed's rates carry. */
const tenth = (x: number): number => Math.round(x * 10) / 10;

/**
 * Counts that say `value` % on time: resolvedOnTime / resolved × 100 rounds to `value` at one decimal, and
 * resolvedOnTime ≤ resolved. `resolved` stays as it is when some number of files on time fits it; when
 * none does (too few files for that precision, or nothing resolved yet), it becomes the smallest larger
 * number that fits (at most 1,000 more), taken out of `pending`, so that received − resolved − pending,
 * the backlog carried into the day, stays the same while there is enough pending; overdue stays ≤ pending.
 */
export function countsOnTime(counts: Readonly<Counts>, value: number): Counts {
  const target = tenth(value);
  let resolved = Math.max(1, counts.resolved);
  let onTime = Math.round((resolved * target) / 100);
  // The nearest count to the target is the only candidate: if it does not round to it, no count does.
  // resolved = a multiple of 1,000 always fits, so this ends within 1,000 steps.
  while (tenth((onTime / resolved) * 100) !== target) {
    resolved += 1;
    onTime = Math.round((resolved * target) / 100);
  }
  const pending = Math.max(0, counts.pending - (resolved - counts.resolved));
  return { ...counts, resolved, resolvedOnTime: Math.min(onTime, resolved), pending, overdue: Math.min(counts.overdue, pending) };
}

/**
 * Rewrites the row the breach names (or the first commune row) in place: the KPI's rate becomes the value,
 * and for the on-time rate the counts follow. False when the answer has no such row (filtered out, or no
 * such unit): then the answer is left as it was.
 */
function applyBreach(rows: ServiceKpiRow[], breach: Breach): boolean {
  const row = breach.unit === undefined ? rows.find((r) => r.level === LEVEL_COMMUNE) : rows.find((r) => r.unit === breach.unit);
  if (!row) return false;
  row.rates = { ...row.rates, [breach.kpi]: breach.value };
  if (breach.kpi === 'on-time') row.counts = countsOnTime(row.counts, breach.value);
  return true;
}

/** The body with the breach applied, or the same text when it is not a service-kpis answer or has no such row. */
function withBreach(text: string, breach: Breach): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text;
  }
  const rows = (body as { data?: { rows?: unknown } } | null)?.data?.rows;
  if (!Array.isArray(rows)) return text;
  return applyBreach(rows as ServiceKpiRow[], breach) ? JSON.stringify(body) : text;
}

/** The kinds, in the order they apply: waits first, then answers in place of the route, then rewrites. */
const EFFECTS: { [K in FaultKey]: FaultEffect<K> } = {
  latencyMs: {
    async before(ms, { request }) {
      await waitUnlessAborted(ms, request.signal);
      return undefined;
    },
  },
  timeout: {
    async before(on, { request }) {
      if (!on) return undefined;
      await waitUnlessAborted('infinite', request.signal);
      // Only reached once the client has gone: nobody reads this answer.
      return Response.error();
    },
  },
  status: {
    async before(status, { feed, request }) {
      return problemResponse(status, `Fault injected on feed "${feed}" by the sample server's ${FAULTS_PATH} endpoint.`, {
        instance: new URL(request.url).pathname,
      });
    },
  },
  breach: {
    async after(breach, response, { feed }) {
      // Only on its feed: the control endpoint refuses it elsewhere, but the registry can be set directly.
      if (feed !== ONLY_ON.breach || !response.ok) return response;
      const text = await response.text();
      const rewritten = withBreach(text, breach);
      const headers = new Headers(response.headers);
      headers.set('Content-Length', String(new TextEncoder().encode(rewritten).byteLength));
      return new Response(rewritten, { status: response.status, statusText: response.statusText, headers });
    },
  },
  malformed: {
    async after(on, response) {
      if (!on || !response.ok) return response;
      const text = await response.text();
      // A proper prefix of a JSON object or array never parses: its closing bracket is the last character.
      const truncated = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      const headers = new Headers(response.headers);
      headers.set('Content-Length', String(new TextEncoder().encode(truncated).byteLength));
      return new Response(truncated, { status: 200, headers });
    },
  },
};

const FAULT_KEYS = Object.keys(EFFECTS) as FaultKey[];

async function runBefore<K extends FaultKey>(key: K, fault: FaultSettings, context: FaultContext): Promise<Response | undefined> {
  const value = fault[key];
  const effect: FaultEffect<K> = EFFECTS[key];
  if (value === undefined || !effect.before) return undefined;
  return effect.before(value as Present<FaultSettings[K]>, context);
}

async function runAfter<K extends FaultKey>(key: K, fault: FaultSettings, response: Response, context: FaultContext): Promise<Response> {
  const value = fault[key];
  const effect: FaultEffect<K> = EFFECTS[key];
  if (value === undefined || !effect.after) return response;
  return effect.after(value as Present<FaultSettings[K]>, response, context);
}

/** The one place faults act: wraps a route's answer with the feed's current fault, if any. */
export async function applyFault(
  fault: FaultSettings | undefined,
  context: FaultContext,
  answer: () => Response | Promise<Response>,
): Promise<Response> {
  if (!fault) return answer();
  for (const key of FAULT_KEYS) {
    const early = await runBefore(key, fault, context);
    if (early) return early;
  }
  let response = await answer();
  for (const key of FAULT_KEYS) response = await runAfter(key, fault, response, context);
  return response;
}

/** Drops settings that do nothing (false, zero latency), so an empty fault means healthy. */
function normalise(fault: FaultSettings): FaultSettings | undefined {
  const kept: Record<string, unknown> = {};
  for (const key of FAULT_KEYS) {
    const value = fault[key];
    if (value === undefined || value === false || (key === 'latencyMs' && value === 0)) continue;
    kept[key] = value;
  }
  return Object.keys(kept).length === 0 ? undefined : (kept as FaultSettings);
}

/** Current faults per feed. One registry per set of handlers; tests may also drive it directly. */
export interface FaultRegistry {
  /** The fault on one feed, if any. */
  get(feed: FeedId): Readonly<FaultSettings> | undefined;
  /** Replaces the fault on one feed (or every feed for `*`); a fault with nothing on heals it. */
  set(target: FaultTarget, fault: FaultSettings): void;
  /** Heals one feed, or every feed when no target (or `*`) is given. */
  heal(target?: FaultTarget): void;
  /** Feeds that have a fault now, with their settings. */
  list(): Partial<Record<FeedId, FaultSettings>>;
}

export function createFaultRegistry(): FaultRegistry {
  const faults = new Map<FeedId, FaultSettings>();
  const targets = (target: FaultTarget): readonly FeedId[] => (target === '*' ? FEED_IDS : [target]);
  return {
    get: (feed) => faults.get(feed),
    set(target, fault) {
      const kept = normalise(fault);
      for (const feed of targets(target)) {
        if (kept) faults.set(feed, { ...kept });
        else faults.delete(feed);
      }
    },
    heal(target = '*') {
      for (const feed of targets(target)) faults.delete(feed);
    },
    list() {
      const out: Partial<Record<FeedId, FaultSettings>> = {};
      for (const feed of FEED_IDS) {
        const fault = faults.get(feed);
        if (fault) out[feed] = { ...fault };
      }
      return out;
    },
  };
}

/** Reads a fault body, or says which key is wrong and what it accepts. */
export function parseFaultBody(input: unknown): { ok: true; body: FaultBody } | { ok: false; detail: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, detail: `The fault body must be a JSON object with "feed" (${EXPECTED.feed}) and any of ${FAULT_KEYS.join(', ')}.` };
  }
  const result = v.safeParse(FaultBody, input);
  if (result.success) {
    const body = result.output;
    for (const [key, feed] of Object.entries(ONLY_ON)) {
      if (body[key as FaultKey] !== undefined && body.feed !== feed) {
        return { ok: false, detail: `Key "${key}" in the fault body only applies to feed "${feed}"; got feed ${JSON.stringify(body.feed)}.` };
      }
    }
    return { ok: true, body };
  }
  const issue = result.issues[0];
  // The top-level key; a nested one (breach.value) is named after it.
  const key = String(issue.path?.[0]?.key ?? '');
  const path = v.getDotPath(issue) ?? key;
  if (!(key in EXPECTED)) {
    return { ok: false, detail: `Unknown key "${key}" in the fault body; known keys are feed, ${FAULT_KEYS.join(', ')}.` };
  }
  const got = (input as Record<string, unknown>)[key];
  if (got === undefined) return { ok: false, detail: `Key "${key}" is required in the fault body: ${EXPECTED[key as FaultKey | 'feed']}.` };
  const innermost = issue.path?.[issue.path.length - 1];
  const where = path === key ? '' : ` ("${path}" is ${innermost?.value === undefined ? 'missing' : 'wrong'})`;
  return { ok: false, detail: `Key "${key}" in the fault body must be ${EXPECTED[key as FaultKey | 'feed']}; got ${JSON.stringify(got)}${where}.` };
}

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
 * - `POST /__mock/faults` with `{ feed, latencyMs?, status?, timeout?, breach?, malformed? }` → sets (replaces)
 *   the fault; `breach` (`{ unit?, kpi, value }`) only with `"feed": "service-kpis"`, else a 400 naming it
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
