import * as v from 'valibot';

/** Contract version: bumped on any breaking change to a payload. Cached data is keyed by it. */
export const CONTRACT_VERSION = '1.0.0';

/** ISO 8601 date-time with an explicit offset; the reference API sends +07:00 (Asia/Ho_Chi_Minh). */
export const IsoDateTime = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO 8601 date-time with offset'),
);

/** Calendar date, YYYY-MM-DD. */
export const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'));

/** An annual period: the year an index measures. */
export const Year = v.pipe(v.number(), v.integer(), v.minValue(1990), v.maxValue(2100));

/** Identifiers: unit codes, indicator and component ids. */
export const Code = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** A display string from a feed; rendered as text, never as HTML. */
export const Text = v.pipe(v.string(), v.maxLength(500));

export const FiniteNumber = v.pipe(v.number(), v.finite());

/** Fields every response carries next to its data. */
export const envelopeEntries = {
  asOf: IsoDateTime,
  sample: v.boolean(),
};

/** Wraps a data schema in the response envelope `{ asOf, sample, data }`. */
export function envelope<T extends v.GenericSchema>(data: T) {
  return v.object({ ...envelopeEntries, data });
}

/** RFC 9457 problem details, sent with `application/problem+json` on every error. */
export const Problem = v.object({
  type: v.string(),
  title: v.string(),
  status: v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599)),
  detail: v.optional(v.string()),
  instance: v.optional(v.string()),
});
export type Problem = v.InferOutput<typeof Problem>;
