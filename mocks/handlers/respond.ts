import { API_PREFIX } from '../../src/contract/routes';
import type { Problem } from '../../src/contract/common';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const GEO_JSON_TYPE = 'application/geo+json; charset=utf-8';
export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** msw path pattern for a contract path (OpenAPI `{param}` → msw `:param`), on any origin. */
export function apiPattern(path: string): string {
  return `*${API_PREFIX}${path.replace(/\{([^}]+)\}/g, ':$1')}`;
}

const encoder = new TextEncoder();

/** A body's JSON text as UTF-8 bytes, serialised once (hashed for an ETag, then sent as they are). */
export function encodeJson(body: unknown): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify(body));
}

type JsonInit = { status?: number; contentType?: string; headers?: Record<string, string> };

/**
 * A JSON answer of bytes from encodeJson, with an explicit media type and length. `Cache-Control: no-cache`
 * unless `headers` says otherwise (the data answers give their feed's max-age and an ETag).
 */
export function jsonBytesResponse(bytes: Uint8Array<ArrayBuffer>, init: JsonInit = {}): Response {
  return new Response(bytes, {
    status: init.status ?? 200,
    headers: {
      'Content-Type': init.contentType ?? JSON_TYPE,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'no-cache',
      ...init.headers,
    },
  });
}

/** A JSON answer with an explicit media type and length; never cached by the client unless `headers` says so. */
export function jsonResponse(body: unknown, init: JsonInit = {}): Response {
  return jsonBytesResponse(encodeJson(body), init);
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The reason phrase for an error status, or a generic one. */
export function statusTitle(status: number): string {
  return STATUS_TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

/** An RFC 9457 problem answer (`type` about:blank, so `title` is the status's reason phrase). */
export function problemResponse(
  status: number,
  detail: string,
  options: { instance?: string; headers?: Record<string, string>; /** Extension members (RFC 9457 §3.2), such as a refused import's report. */ members?: Record<string, unknown> } = {},
): Response {
  const body: Problem & Record<string, unknown> = { type: 'about:blank', title: statusTitle(status), status, detail };
  if (options.instance !== undefined) body.instance = options.instance;
  if (options.members) Object.assign(body, options.members);
  return jsonResponse(body, { status, contentType: PROBLEM_TYPE, ...(options.headers ? { headers: options.headers } : {}) });
}

/** Thrown inside a route to answer with a problem; caught by the route wrapper. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}
