import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createGzip } from 'node:zlib';
import { isCompressible, MIN_GZIP_BYTES } from './encoding';
import type { GzipCache } from './gzipCache';

/** Request bodies the sample server accepts (the fault control endpoint's JSON is a few bytes). */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number = MAX_REQUEST_BODY_BYTES) {
    super(`Request body larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Hop-by-hop headers belong to one connection, not to the request. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

async function readBody(message: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(message.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The entity tag of the gzipped representation of an answer tagged `etag`: each encoding is its own
 * representation with its own strong tag, as the static files have (`"<hash>"` → `"<hash>-gz"`).
 */
export function gzipTagOf(etag: string): string {
  return etag.endsWith('"') ? `${etag.slice(0, -1)}-gz"` : etag;
}

/**
 * If-None-Match as the handlers know the tags: the gzip representation's tags (`"<hash>-gz"`, which only
 * this bridge hands out) back to the answer's own, so a client holding the gzipped copy gets its 304 too.
 */
export function identityTags(ifNoneMatch: string): string {
  return ifNoneMatch.replace(/-gz"/g, '"');
}

/**
 * A Fetch Request for an incoming node request, body included. `signal` aborts the request when the
 * client goes away, so handlers that wait (latency, timeout faults) can stop waiting.
 * HEAD is asked as GET (the handlers answer GET); the caller sends the headers only.
 */
export async function toFetchRequest(message: IncomingMessage, signal: AbortSignal, maxBodyBytes: number = MAX_REQUEST_BODY_BYTES): Promise<Request> {
  const host = message.headers.host ?? 'localhost';
  const url = new URL(message.url ?? '/', `http://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, name === 'if-none-match' ? identityTags(item) : item);
  }
  const method = message.method === 'HEAD' ? 'GET' : (message.method ?? 'GET');
  const body = method === 'GET' ? undefined : await readBody(message, maxBodyBytes);
  return new Request(url, { method, headers, signal, ...(body && body.byteLength > 0 ? { body: new Uint8Array(body) } : {}) });
}

/**
 * Streams a Fetch Response back to the client with its status and headers. Stops (and cancels the
 * body) if the client disconnects; resolves either way. With `gzip`, a text body of known length
 * (every JSON answer of the sample API) is compressed, unless it says `Cache-Control: no-transform`; a
 * body of unknown length streams as it comes. A compressed answer's ETag becomes the gzip
 * representation's (gzipTagOf); a 304 names the tag in the form the client asked with (`ifNoneMatch`, the
 * request's header as it came). With `gzipCache`, a 200 with a strong ETag is compressed once per tag and sent
 * with its length; other bodies are compressed as they stream.
 */
export async function sendFetchResponse(
  response: Response,
  target: ServerResponse,
  options: { headOnly: boolean; gzip: boolean; ifNoneMatch?: string | undefined; gzipCache?: GzipCache | undefined },
): Promise<void> {
  if (response.type === 'error' || response.status === 0) {
    // A network error: the client sees the connection drop, as it would from a real server.
    target.destroy();
    return;
  }
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const length = Number(response.headers.get('content-length') ?? NaN);
  // `no-transform`: the answer's bytes and pace are the point (a trickle, a huge body), so never compress it.
  const noTransform = /\bno-transform\b/i.test(response.headers.get('cache-control') ?? '');
  const negotiable =
    response.body !== null && !noTransform && length >= MIN_GZIP_BYTES && isCompressible(response.headers.get('content-type')) && !response.headers.has('content-encoding');
  const compress = negotiable && options.gzip;
  if (negotiable) headers.vary = 'Accept-Encoding';
  const etag = response.headers.get('etag');
  if (compress) {
    delete headers['content-length'];
    headers['content-encoding'] = 'gzip';
    if (etag) headers.etag = gzipTagOf(etag);
  }
  if (response.status === 304 && etag) {
    headers.vary = 'Accept-Encoding';
    if (options.gzip && options.ifNoneMatch?.includes(gzipTagOf(etag))) headers.etag = gzipTagOf(etag);
  }
  if (compress && options.gzipCache && response.status === 200 && etag && !etag.startsWith('W/')) {
    const gzipped = await options.gzipCache.gzip(etag, new Uint8Array(await response.arrayBuffer()));
    headers['content-length'] = String(gzipped.byteLength);
    target.writeHead(response.status, headers);
    target.end(options.headOnly ? undefined : gzipped);
    return;
  }
  target.writeHead(response.status, headers);
  if (options.headOnly || response.body === null) {
    await response.body?.cancel();
    target.end();
    return;
  }
  const source = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
  try {
    if (compress) await pipeline(source, createGzip(), target);
    else await pipeline(source, target);
  } catch {
    // The client went away mid-body: pipeline has destroyed every stage, which cancels the body.
  }
}
