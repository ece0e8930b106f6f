import * as v from 'valibot';
import { Code } from '../../../src/contract/common';
import { FEED_IDS, type FeedId } from '../../../src/contract/routes';
import { SERVICE_KPI_IDS } from '../../generator/catalogue';

/**
 * What a fault may say: one optional setting per kind of misbehaviour, each validated here. How each kind
 * acts is in effects.ts (EFFECTS), in the order they apply.
 */

/** Where the control endpoint lives, on every origin the handlers serve. */
export const FAULTS_PATH = '/__mock/faults';

const LATENCY_MAX_MS = 600_000;
/** `trickle: true` spreads the body over this long. */
export const TRICKLE_DEFAULT_MS = 30_000;
const TRICKLE_MAX_MS = 600_000;

export const DRIFT_KINDS = ['missing-field', 'wrong-type', 'unknown-indicator', 'unknown-unit'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];
export const OUT_OF_RANGE_KINDS = ['negative', 'above-max'] as const;
export type OutOfRangeKind = (typeof OUT_OF_RANGE_KINDS)[number];
export const NON_FINITE_KINDS = ['nan', 'infinity', 'null'] as const;
export type NonFiniteKind = (typeof NON_FINITE_KINDS)[number];

/**
 * A live-KPI breach forced into the answers of the service-kpis feed (see breach.ts): `rates[kpi]` of the
 * unit's row (by default the first commune row) becomes `value`.
 */
export const Breach = v.strictObject({
  /** The unit whose row is rewritten; by default the first commune row of each answer. */
  unit: v.optional(Code),
  /** A service-KPI id of the catalogue. */
  kpi: v.picklist(SERVICE_KPI_IDS),
  /** The percentage the KPI shows. */
  value: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100)),
});
export type Breach = v.InferOutput<typeof Breach>;

const On = v.optional(v.boolean());

/**
 * What each setting accepts. Strict: an unknown key is an error, so a typo never passes silently.
 * The "row list" of a feed is data.rows (observations, series, national, service-kpis, events),
 * data.units (units), data.indicators (indicators) or features (boundaries); meta has none.
 */
export const FaultSettings = v.strictObject({
  /** Wait this long (ms) before answering. */
  latencyMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LATENCY_MAX_MS))),
  /** Never answer; the client's own timeout has to fire. */
  timeout: On,
  /** Answer this HTTP error status with a problem+json body (with `html`: an HTML page) instead of the data. */
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599))),
  /** Answer 200 text/html with a proxy's sign-in page instead of JSON. */
  html: On,
  /** Schema drift in the first row of the row list. */
  drift: v.optional(v.picklist(DRIFT_KINDS)),
  /** Values outside their indicator's scale in the first third of the rows. */
  outOfRange: v.optional(v.picklist(OUT_OF_RANGE_KINDS)),
  /** The first row's value as a bare NaN or Infinity token (not JSON), or null. */
  nonFinite: v.optional(v.picklist(NON_FINITE_KINDS)),
  /** An empty row list in an otherwise intact envelope. */
  empty: On,
  /** Every row twice. */
  duplicates: On,
  /** Rows of another period than asked: years 3 earlier, or live KPIs of two days before. */
  otherPeriod: On,
  /** service-kpis only: one unit's KPI set to a value, e.g. an on-time rate under its threshold. */
  breach: v.optional(Breach),
  /** Script-running payloads appended to every display string, error bodies included. */
  xss: On,
  /** The answer padded to about 10 MB, still valid JSON. */
  hugeBody: On,
  /** Answer 200 with the data's JSON cut in half, so it does not parse. */
  malformed: On,
  /** Send the body slowly: its first byte at once, the rest over 30 s (true) or this many ms. */
  trickle: v.optional(v.union([v.boolean(), v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(TRICKLE_MAX_MS))])),
});
export type FaultSettings = v.InferOutput<typeof FaultSettings>;
export type FaultKey = keyof FaultSettings;
/** A feed id, or `*` for every feed. */
export type FaultTarget = FeedId | '*';

/** Every setting, in the order they apply (the order of FaultSettings). */
export const FAULT_KEYS = Object.keys(FaultSettings.entries) as FaultKey[];

const onOff = 'true or false';
const oneOf = (kinds: readonly string[]) => `one of ${kinds.map((kind) => `"${kind}"`).join(', ')}`;

/** How each setting reads in an error message. */
const EXPECTED: Record<FaultKey | 'feed', string> = {
  feed: `a feed id (${FEED_IDS.join(', ')}) or "*"`,
  latencyMs: `a whole number of milliseconds from 0 to ${LATENCY_MAX_MS}`,
  timeout: onOff,
  status: 'an HTTP error status, a whole number from 400 to 599',
  html: onOff,
  drift: oneOf(DRIFT_KINDS),
  outOfRange: oneOf(OUT_OF_RANGE_KINDS),
  nonFinite: oneOf(NON_FINITE_KINDS),
  empty: onOff,
  duplicates: onOff,
  otherPeriod: onOff,
  breach:
    `an object { "kpi": one of ${SERVICE_KPI_IDS.join(', ')}; "value": a percentage from 0 to 100; ` +
    '"unit" (optional): a unit code, by default the first commune }',
  xss: onOff,
  hugeBody: onOff,
  malformed: onOff,
  trickle: `true (the body over ${TRICKLE_DEFAULT_MS / 1000} s), false, or the whole number of milliseconds to spread it over, from 0 to ${TRICKLE_MAX_MS}`,
};

/** Settings that act on one feed only: setting them on another feed (or on "*") is refused. */
export const ONLY_ON: Partial<Record<FaultKey, FeedId>> = { breach: 'service-kpis' };

const FaultBody = v.strictObject({
  feed: v.picklist([...FEED_IDS, '*'] as const),
  ...FaultSettings.entries,
});
export type FaultBody = v.InferOutput<typeof FaultBody>;

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
