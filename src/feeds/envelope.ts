import * as v from 'valibot';
import { envelopeEntries } from '../contract/common';
import type { FeedId } from '../contract/routes';
import type { ApiClient, RawResponse } from '../api/client';
import type { FeedRequest } from './context';
import { feedError, fromRequestError, type FeedError } from './feedError';
import type { FeedFailure, FeedNotModified } from './result';

export interface Envelope {
  asOf: string;
  sample: boolean;
  /** Checked only to be an object; each adapter validates its own data. */
  data: Record<string, unknown>;
}

const EnvelopeSchema = v.object({ ...envelopeEntries, data: v.record(v.string(), v.unknown()) });

export type BodyResult =
  | { ok: true; notModified?: false; body: string; contentType: string; etag: string | null; lastModified: string | null }
  | FeedNotModified
  | FeedFailure;

export type EnvelopeResult = { ok: true; notModified?: false; envelope: Envelope; etag: string | null } | FeedNotModified | FeedFailure;

/**
 * Asks for a feed, conditionally when the caller holds a copy (`request.etag`). A 304 comes back as "not
 * modified" before anything is parsed; a 304 to a request that named no copy is an error.
 */
export async function fetchBody(
  client: ApiClient,
  feed: FeedId,
  url: string,
  params: Record<string, string> | undefined,
  request: FeedRequest,
): Promise<BodyResult> {
  const etag = request.etag ?? null;
  let answer: RawResponse;
  try {
    answer = await client.get(url, { params, signal: request.signal, etag, ...(request.retry === false ? { retry: false } : {}) });
  } catch (error) {
    return { ok: false, error: fromRequestError(feed, error) };
  }
  if (answer.status !== 304) {
    return { ok: true, body: answer.body, contentType: answer.contentType, etag: answer.etag, lastModified: answer.lastModified ?? null };
  }
  if (etag === null) return { ok: false, error: feedError(feed, 'http', 'HTTP 304 Not Modified to a request that named no copy', { status: 304 }) };
  return { ok: true, notModified: true, etag: answer.etag ?? etag };
}

/** Asks for a feed and checks the body is JSON with the envelope `{ asOf, sample, data }`. */
export async function fetchEnvelope(
  client: ApiClient,
  feed: FeedId,
  url: string,
  params: Record<string, string> | undefined,
  request: FeedRequest = {},
): Promise<EnvelopeResult> {
  const got = await fetchBody(client, feed, url, params, request);
  if (!got.ok || got.notModified) return got;
  const parsed = parseJson(feed, got.body, got.contentType);
  if (!parsed.ok) return parsed;
  const checked = checkEnvelope(feed, parsed.value, EnvelopeSchema);
  return checked.ok ? { ok: true, envelope: checked.envelope, etag: got.etag } : checked;
}

export function parseJson(feed: FeedId, body: string, contentType: string): { ok: true; value: unknown } | { ok: false; error: FeedError } {
  const head = body.trimStart().slice(0, 1);
  if (contentType.includes('text/html') || head === '<') {
    return { ok: false, error: feedError(feed, 'not-json', 'the API answered with a web page instead of data') };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false, error: feedError(feed, 'malformed', 'the answer is not valid JSON') };
  }
}

export function checkEnvelope<S extends v.GenericSchema>(feed: FeedId, value: unknown, schema: S):
  | { ok: true; envelope: v.InferOutput<S> }
  | { ok: false; error: FeedError } {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, envelope: result.output };
  return { ok: false, error: schemaError(feed, result.issues[0]) };
}

export function schemaError(feed: FeedId, issue: v.BaseIssue<unknown> | undefined): FeedError {
  const field = issue ? (v.getDotPath(issue) ?? '(root)') : '(root)';
  return feedError(feed, 'schema', `field "${field}": ${issue?.message ?? 'invalid'}`, { field });
}
