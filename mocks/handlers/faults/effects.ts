import type { Indicator } from '../../../src/contract/indicators';
import type { FeedId } from '../../../src/contract/routes';
import { problemResponse } from '../respond';
import { applyBreach } from './breach';
import { cutInHalf, padHuge, toAnswer, toResponse, trickle, type Answer } from './bytes';
import { rewriteJson, type JsonDocument } from './document';
import { htmlResponse } from './html';
import { drift, duplicates, empty, nonFinite, otherPeriod, outOfRange } from './rewrites';
import { rowListOf } from './rows';
import { FAULT_KEYS, FAULTS_PATH, ONLY_ON, TRICKLE_DEFAULT_MS, type FaultKey, type FaultSettings } from './settings';
import { waitUnlessAborted } from './wait';
import { injectXss } from './xss';

/**
 * How each kind of fault acts. A fault goes through four phases, and inside each phase its settings act in
 * the order of FaultSettings:
 * 1. before the route: latencyMs waits; then timeout, status or html answers in the route's place;
 * 2. the route answers (unless step 1 did);
 * 3. row rewrites on the parsed JSON answer: drift, outOfRange, nonFinite, empty, duplicates, otherPeriod,
 *    breach, xss (each on the rows as the one before left them; on the same field, the later one wins);
 * 4. bytes: hugeBody, then malformed (which cuts the padded body), then trickle (which sends whatever the
 *    earlier steps made, slowly).
 */

export interface FaultContext {
  feed: FeedId;
  request: Request;
  /** The province's catalogue: the scales that outOfRange goes past. */
  indicators: readonly Indicator[];
}

interface EffectContext extends FaultContext {
  /** The whole fault, for settings that change how another one acts (status with html, html with xss). */
  fault: FaultSettings;
}

type Present<T> = Exclude<T, undefined>;

interface FaultEffect<K extends FaultKey> {
  /** Before the route answers: may wait, or answer in its place (an error, or nothing at all). */
  before?: (value: Present<FaultSettings[K]>, context: EffectContext) => Promise<Response | undefined>;
  /** On the parsed JSON answer (error bodies included: each rewrite checks `document.ok`). */
  rewrite?: (value: Present<FaultSettings[K]>, document: JsonDocument) => void;
  /** On the answer's bytes. */
  bytes?: (value: Present<FaultSettings[K]>, answer: Answer) => void;
}

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
    async before(status, { feed, request, fault }) {
      if (fault.html) return htmlResponse(status, { xss: fault.xss === true });
      return problemResponse(status, `Fault injected on feed "${feed}" by the sample server's ${FAULTS_PATH} endpoint.`, {
        instance: new URL(request.url).pathname,
      });
    },
  },
  html: {
    async before(on, { fault }) {
      return on ? htmlResponse(200, { xss: fault.xss === true }) : undefined;
    },
  },
  drift: { rewrite: drift },
  outOfRange: { rewrite: outOfRange },
  nonFinite: { rewrite: nonFinite },
  empty: { rewrite: (on, document) => on && empty(document) },
  duplicates: { rewrite: (on, document) => on && duplicates(document) },
  otherPeriod: { rewrite: (on, document) => on && otherPeriod(document) },
  breach: {
    rewrite(breach, document) {
      // Only on its feed: the control endpoint refuses it elsewhere, but the registry can be set directly.
      if (document.feed !== ONLY_ON.breach || !document.ok) return;
      const list = rowListOf(document.feed, document.body);
      if (list) applyBreach(list.rows, breach);
    },
  },
  xss: { rewrite: (on, document) => on && injectXss(document) },
  hugeBody: { bytes: (on, answer) => on && padHuge(answer) },
  malformed: { bytes: (on, answer) => on && cutInHalf(answer) },
  trickle: { bytes: (value, answer) => trickle(answer, value === true ? TRICKLE_DEFAULT_MS : Number(value)) },
};

/** The settings of `fault` that are on and have an effect in this phase, in order. */
function active(fault: FaultSettings, phase: keyof FaultEffect<FaultKey>): FaultKey[] {
  return FAULT_KEYS.filter((key) => fault[key] !== undefined && fault[key] !== false && EFFECTS[key][phase] !== undefined);
}

function runBefore<K extends FaultKey>(key: K, context: EffectContext): Promise<Response | undefined> {
  const effect: FaultEffect<K> = EFFECTS[key];
  return effect.before?.(context.fault[key] as Present<FaultSettings[K]>, context) ?? Promise.resolve(undefined);
}

function runRewrite<K extends FaultKey>(key: K, fault: FaultSettings, document: JsonDocument): void {
  const effect: FaultEffect<K> = EFFECTS[key];
  effect.rewrite?.(fault[key] as Present<FaultSettings[K]>, document);
}

function runBytes<K extends FaultKey>(key: K, fault: FaultSettings, answer: Answer): void {
  const effect: FaultEffect<K> = EFFECTS[key];
  effect.bytes?.(fault[key] as Present<FaultSettings[K]>, answer);
}

/** The one place faults act: wraps a route's answer with the feed's current fault, if any. */
export async function applyFault(
  fault: FaultSettings | undefined,
  context: FaultContext,
  answer: () => Response | Promise<Response>,
): Promise<Response> {
  if (!fault) return answer();
  const effectContext: EffectContext = { ...context, fault };
  let response: Response | undefined;
  for (const key of active(fault, 'before')) {
    response = await runBefore(key, effectContext);
    if (response) break;
  }
  response ??= await answer();
  if (response.type === 'error') return response;

  const rewrites = active(fault, 'rewrite');
  if (rewrites.length > 0) {
    response = await rewriteJson(response, context, (document) => {
      for (const key of rewrites) runRewrite(key, fault, document);
    });
  }

  const byteFaults = active(fault, 'bytes');
  if (byteFaults.length === 0) return response;
  const bytes = await toAnswer(response);
  for (const key of byteFaults) runBytes(key, fault, bytes);
  return toResponse(bytes, context.request.signal);
}
