import axios, { AxiosHeaders, type AxiosInstance, type RawAxiosHeaders } from 'axios';
import { RequestError, isRetryable, type RequestFailure } from './requestError';
import { withRetry, type RetryPolicy } from './retry';
import { withNullBodies } from './nullBodyFetch';

const NOT_MODIFIED = 304;

/**
 * A raw answer: the body stays text so the feed layer can tell malformed JSON and HTML apart. `status` is 2xx,
 * or 304 (Not Modified, with an empty body) when the request was conditional and the copy held is current.
 */
export interface RawResponse {
  status: number;
  contentType: string;
  body: string;
  /** The answer's validator (its `ETag` header), to send back as `If-None-Match`; null when it sent none. */
  etag: string | null;
  /** Its `Last-Modified` header as sent (an HTTP date), for a plain file that carries no `asOf`; absent when it sent none. */
  lastModified?: string;
}

export interface GetOptions {
  params?: Record<string, string>;
  signal?: AbortSignal;
  /** The ETag of the copy the caller holds: sent as `If-None-Match`, so an unchanged answer comes back as a 304. */
  etag?: string | null;
  /** false: this one request and no retries, whatever the policy (a probe of an API that was failing). */
  retry?: boolean;
}

export interface ApiClientOptions {
  /** Absolute base URL of the API (contract v1). */
  baseUrl: string;
  timeoutMs: number;
  retry: RetryPolicy;
  /** Largest answer accepted; a bigger one is cut off while it streams in. */
  maxBytes: number;
  /** Sent only with requests to the API's own origin. */
  auth: { header: string; value: string } | null;
  /** The fetch to use (tests give one that answers as a browser does); default: the global fetch. */
  fetch?: (input: URL | Request | string, init?: RequestInit) => Promise<Response>;
}

export interface ApiClient {
  readonly baseUrl: string;
  get(url: string, options?: GetOptions): Promise<RawResponse>;
}

/**
 * The one HTTP client: axios (fetch adapter, so oversized answers are cut off as they stream) with a timeout,
 * auth scoped to the API's origin, and retries with backoff and jitter that are bounded: a resource whose
 * last request failed gets no retries until it answers again, nor does a request asked not to retry (the
 * screen's probe of a failing API, src/stores/recovery.ts), so a dead feed costs one request per attempt
 * and a blip costs at most 1 + retries.
 *
 * Revalidation is explicit, never the browser's HTTP cache: every request goes out with fetch's
 * `cache: 'no-store'` (the browser neither answers from its cache nor adds validators of its own), the caller
 * passes the ETag of the copy it holds, and a 304 is an answer like a 200 (`status` tells them apart).
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const apiOrigin = new URL(options.baseUrl).origin;
  /** Resources (URL path without query) whose last request failed. */
  const failing = new Set<string>();
  const http: AxiosInstance = axios.create({
    baseURL: options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
    adapter: 'fetch',
    timeout: options.timeoutMs,
    maxContentLength: options.maxBytes,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    headers: { Accept: 'application/json' },
    validateStatus: (status) => (status >= 200 && status < 300) || status === NOT_MODIFIED,
    fetchOptions: { cache: 'no-store' },
    env: { fetch: withNullBodies(options.fetch ?? ((input, init) => fetch(input, init))) },
  });
  if (options.auth) {
    const { header, value } = options.auth;
    http.interceptors.request.use((request) => {
      const target = new URL(request.url ?? '', request.baseURL);
      if (target.origin === apiOrigin) request.headers.set(header, value);
      return request;
    });
  }

  async function once(url: string, { params, signal, etag }: GetOptions): Promise<RawResponse> {
    try {
      const response = await http.get<string>(url, { params, signal, headers: etag ? { 'If-None-Match': etag } : undefined });
      const headers = AxiosHeaders.from(response.headers as RawAxiosHeaders);
      const lastModified = headerText(headers.get('last-modified'));
      return {
        status: response.status,
        contentType: String(headers.get('content-type') ?? ''),
        body: response.status === NOT_MODIFIED ? '' : typeof response.data === 'string' ? response.data : String(response.data ?? ''),
        etag: headerText(headers.get('etag')),
        ...(lastModified ? { lastModified } : {}),
      };
    } catch (error) {
      throw new RequestError(toFailure(error, options.maxBytes));
    }
  }

  return {
    baseUrl: options.baseUrl,
    async get(url, request = {}) {
      const resource = new URL(url, http.defaults.baseURL).pathname;
      const retry = request.retry === false || failing.has(resource) ? { ...options.retry, retries: 0 } : options.retry;
      try {
        const response = await withRetry(() => once(url, request), retry, { signal: request.signal, shouldRetry: isRetryable });
        failing.delete(resource);
        return response;
      } catch (error) {
        if (!(error instanceof RequestError && error.failure.kind === 'cancelled')) failing.add(resource);
        throw error;
      }
    },
  };
}

function headerText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function toFailure(error: unknown, maxBytes: number): RequestFailure {
  if (axios.isCancel(error)) return { kind: 'cancelled' };
  if (axios.isAxiosError(error)) {
    if (error.message.includes('maxContentLength')) return { kind: 'too-large', limit: maxBytes };
    if (error.code === 'ERR_CANCELED') return { kind: 'cancelled' };
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return { kind: 'timeout' };
    if (error.response) {
      const problem = readProblem(error.response.data);
      return { kind: 'http', status: error.response.status, ...problem };
    }
    return { kind: 'network' };
  }
  return { kind: 'network' };
}

/** Title and detail of a problem+json body, if the body is one. Kept as plain text. */
function readProblem(body: unknown): { title?: string; detail?: string } {
  if (typeof body !== 'string' || !body.trimStart().startsWith('{')) return {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const { title, detail } = parsed as Record<string, unknown>;
      return {
        ...(typeof title === 'string' ? { title: title.slice(0, 200) } : {}),
        ...(typeof detail === 'string' ? { detail: detail.slice(0, 500) } : {}),
      };
    }
  } catch {
    // not problem+json: the status alone describes it
  }
  return {};
}
