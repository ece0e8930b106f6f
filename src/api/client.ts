import axios, { type AxiosInstance } from 'axios';
import { RequestError, isRetryable, type RequestFailure } from './requestError';
import { withRetry, type RetryPolicy } from './retry';

/** A raw answer: the body stays text so the feed layer can tell malformed JSON and HTML apart. */
export interface RawResponse {
  status: number;
  contentType: string;
  body: string;
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
}

export interface ApiClient {
  readonly baseUrl: string;
  get(url: string, options?: { params?: Record<string, string>; signal?: AbortSignal }): Promise<RawResponse>;
}

/**
 * The one HTTP client: axios (fetch adapter, so oversized answers are cut off as they stream) with a timeout,
 * auth scoped to the API's origin, and retries with backoff and jitter that are bounded: a resource whose
 * last request failed gets no retries until it answers again, so a dead feed costs one request per refresh
 * and a blip costs at most 1 + retries.
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
  });
  if (options.auth) {
    const { header, value } = options.auth;
    http.interceptors.request.use((request) => {
      const target = new URL(request.url ?? '', request.baseURL);
      if (target.origin === apiOrigin) request.headers.set(header, value);
      return request;
    });
  }

  async function once(url: string, params: Record<string, string> | undefined, signal: AbortSignal | undefined): Promise<RawResponse> {
    try {
      const response = await http.get<string>(url, { params, signal });
      return {
        status: response.status,
        contentType: String(response.headers['content-type'] ?? ''),
        body: typeof response.data === 'string' ? response.data : String(response.data ?? ''),
      };
    } catch (error) {
      throw new RequestError(toFailure(error, options.maxBytes));
    }
  }

  return {
    baseUrl: options.baseUrl,
    async get(url, { params, signal } = {}) {
      const resource = new URL(url, http.defaults.baseURL).pathname;
      const retry = failing.has(resource) ? { ...options.retry, retries: 0 } : options.retry;
      try {
        const response = await withRetry(() => once(url, params, signal), retry, { signal, shouldRetry: isRetryable });
        failing.delete(resource);
        return response;
      } catch (error) {
        if (!(error instanceof RequestError && error.failure.kind === 'cancelled')) failing.add(resource);
        throw error;
      }
    },
  };
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
