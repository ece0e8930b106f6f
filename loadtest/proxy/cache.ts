import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ifNoneMatchHits } from '../../mocks/handlers/caching';

/**
 * A small caching reverse proxy that behaves like the README's nginx example in front of the feed API
 * (loadtest/nginx/feed-api.conf), for the load test's mode (b) where nginx is not at hand:
 *
 * - each GET URL under /api/v1/ is one entry, kept for the upstream's `Cache-Control: max-age` (as nginx does),
 *   else for its location's time (proxy_cache_valid); only 200s are kept, never `no-store`, `no-cache` or
 *   `private` answers (nginx's default);
 * - concurrent misses of one URL send one request upstream, the others wait for it (proxy_cache_lock);
 * - an expired entry is served at once while one background request refreshes it (proxy_cache_use_stale
 *   updating, proxy_cache_background_update), with If-None-Match of its ETag, a 304 renewing it
 *   (proxy_cache_revalidate); when upstream fails (error, timeout, 5xx) the old entry stays (use_stale);
 * - a client whose If-None-Match names the entry's ETag gets a 304 (nginx's not_modified filter);
 * - requests with an Authorization header, and anything outside /api/v1/, pass through uncached;
 * - `X-Cache-Status` says HIT, MISS, STALE, UPDATING or BYPASS, like $upstream_cache_status.
 *
 * Not modelled: gzip towards the clients, disk, eviction (the load test's entries fit easily).
 */

export type CacheStatus = 'HIT' | 'MISS' | 'STALE' | 'UPDATING' | 'BYPASS';

export interface CachingProxyOptions {
  /** The upstream origin, e.g. http://127.0.0.1:4173 */
  upstream: string;
  /** The location's cache time in seconds for a path (proxy_cache_valid 200 …), used when upstream sends no max-age. */
  validSeconds: (path: string) => number;
  /** Upstream timeout (proxy_read_timeout), ms. */
  timeoutMs?: number;
  now?: () => number;
}

export interface ProxyStats {
  /** Answers to clients by cache status. */
  clients: Record<CacheStatus, number>;
  /** Of those, 304s (If-None-Match named the entry). */
  clientNotModified: number;
  /** Requests sent upstream, and how they were answered. */
  upstream: { requests: number; revalidations: number; notModified: number; errors: number };
}

/** The nginx example's locations: live KPIs 60 s, observations and series 900 s, the rest of the API 3600 s. */
export function feedApiValidSeconds(path: string): number {
  if (path === '/api/v1/service-kpis') return 60;
  if (path === '/api/v1/observations' || /^\/api\/v1\/units\/[^/]+\/series$/.test(path)) return 900;
  return 3600;
}

interface Entry {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag: string | null;
  /** When it stops being fresh (ms). */
  expires: number;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The headers an entry keeps and sends on (nginx keeps the upstream's headers, minus hop-by-hop ones). */
const KEPT = ['content-type', 'cache-control', 'etag', 'last-modified', 'x-content-type-options', 'referrer-policy'];
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'host']);

/** Seconds a response may be kept by its Cache-Control, null when it says nothing, 0 when it may not be. */
export function cacheSecondsOf(cacheControl: string | undefined): number | null {
  if (!cacheControl) return null;
  const directives = cacheControl.toLowerCase().split(',').map((d) => d.trim());
  if (directives.some((d) => d === 'no-store' || d === 'no-cache' || d === 'private')) return 0;
  const age = (name: string) => {
    const found = directives.find((d) => d.startsWith(`${name}=`));
    return found === undefined ? null : Number(found.slice(name.length + 1));
  };
  const seconds = age('s-maxage') ?? age('max-age');
  return seconds === null || !Number.isFinite(seconds) ? null : Math.max(0, seconds);
}

export function createCachingProxy(options: CachingProxyOptions): { server: Server; stats: () => ProxyStats } {
  const upstream = new URL(options.upstream);
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const entries = new Map<string, Entry>();
  /** One request upstream per URL at a time (the lock), shared by every request that waits for it. */
  const pending = new Map<string, Promise<Entry | Upstream>>();
  const stats: ProxyStats = {
    clients: { HIT: 0, MISS: 0, STALE: 0, UPDATING: 0, BYPASS: 0 },
    clientNotModified: 0,
    upstream: { requests: 0, revalidations: 0, notModified: 0, errors: 0 },
  };

  function ask(path: string, headers: IncomingHttpHeaders): Promise<Upstream> {
    stats.upstream.requests++;
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        { host: upstream.hostname, port: upstream.port, path, method: 'GET', headers: { ...headers, host: upstream.host }, agent, timeout: timeoutMs },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('upstream timed out')));
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  /** The client's headers as they go upstream: no hop-by-hop ones, no encoding (one identity copy), no validators of its own. */
  function forwarded(headers: IncomingHttpHeaders): IncomingHttpHeaders {
    const out: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(headers)) {
      if (HOP_BY_HOP.has(name) || name === 'accept-encoding' || name === 'if-none-match' || name === 'if-modified-since') continue;
      out[name] = value;
    }
    return out;
  }

  function toEntry(answer: Upstream, path: string): Entry | null {
    if (answer.status !== 200) return null;
    const cacheControl = typeof answer.headers['cache-control'] === 'string' ? answer.headers['cache-control'] : undefined;
    const seconds = cacheSecondsOf(cacheControl) ?? options.validSeconds(path);
    if (seconds <= 0) return null;
    const headers: Record<string, string> = {};
    for (const name of KEPT) {
      const value = answer.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    return { status: 200, headers, body: answer.body, etag: headers.etag ?? null, expires: now() + seconds * 1000 };
  }

  /** Fetches a URL for the cache: a revalidation of `stale` when it has an ETag. Never rejects when there is a stale entry. */
  function refresh(key: string, path: string, headers: IncomingHttpHeaders, stale: Entry | undefined): Promise<Entry | Upstream> {
    const running = pending.get(key);
    if (running) return running;
    const outgoing = forwarded(headers);
    if (stale?.etag) {
      outgoing['if-none-match'] = stale.etag;
      stats.upstream.revalidations++;
    }
    const attempt = ask(path, outgoing)
      .then((answer): Entry | Upstream => {
        if (answer.status === 304 && stale) {
          stats.upstream.notModified++;
          const cacheControl = typeof answer.headers['cache-control'] === 'string' ? answer.headers['cache-control'] : stale.headers['cache-control'];
          const seconds = cacheSecondsOf(cacheControl) ?? options.validSeconds(path);
          stale.expires = now() + seconds * 1000;
          return stale;
        }
        const entry = toEntry(answer, path);
        if (entry) {
          entries.set(key, entry);
          return entry;
        }
        // proxy_cache_use_stale http_500 … http_504: keep serving the old entry.
        if (stale && answer.status >= 500) {
          stats.upstream.errors++;
          return stale;
        }
        return answer;
      })
      .catch((error: unknown): Entry => {
        stats.upstream.errors++;
        if (stale) return stale;
        throw error;
      })
      .finally(() => pending.delete(key));
    pending.set(key, attempt);
    return attempt;
  }

  function sendEntry(request: IncomingMessage, response: ServerResponse, entry: Entry, status: CacheStatus): void {
    stats.clients[status]++;
    const headers: Record<string, string> = { ...entry.headers, 'x-cache-status': status };
    if (entry.etag && ifNoneMatchHits(request.headers['if-none-match'], entry.etag)) {
      stats.clientNotModified++;
      delete headers['content-type'];
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(entry.status, { ...headers, 'content-length': String(entry.body.byteLength) });
    response.end(request.method === 'HEAD' ? undefined : entry.body);
  }

  function sendUpstream(response: ServerResponse, answer: Upstream, status: CacheStatus): void {
    stats.clients[status]++;
    const headers: Record<string, string | string[]> = { 'x-cache-status': status };
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'content-length') headers[name] = value;
    }
    response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.byteLength) });
    response.end(answer.body);
  }

  async function passThrough(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(request.headers)) if (!HOP_BY_HOP.has(name) && name !== 'accept-encoding') headers[name] = value;
    sendUpstream(response, await ask(path, headers), 'BYPASS');
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '/';
    const { pathname } = new URL(path, 'http://proxy');
    if (pathname === '/__proxy/stats') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
      return;
    }
    if (request.method !== 'GET' || !pathname.startsWith('/api/v1/') || request.headers.authorization !== undefined) {
      await passThrough(request, response, path);
      return;
    }
    // The cache key: the URL as asked (nginx's default $scheme$proxy_host$request_uri, on one host).
    const key = path;
    const entry = entries.get(key);
    if (entry && now() < entry.expires) {
      sendEntry(request, response, entry, 'HIT');
      return;
    }
    if (entry) {
      // Expired: served at once; one request (this one's, or one already on its way) refreshes it.
      const updating = pending.has(key);
      void refresh(key, path, request.headers, entry);
      sendEntry(request, response, entry, updating ? 'UPDATING' : 'STALE');
      return;
    }
    const waited = pending.has(key);
    const got = await refresh(key, path, request.headers, undefined);
    if ('expires' in got) {
      sendEntry(request, response, got, 'MISS');
      return;
    }
    // Not cacheable: the one that asked gets it; those that waited ask for themselves, as nginx does after the lock.
    if (waited) await passThrough(request, response, path);
    else sendUpstream(response, got, 'MISS');
  }

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      stats.clients.MISS++;
      const text = `Bad gateway: ${error instanceof Error ? error.message : String(error)}\n`;
      response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), 'x-cache-status': 'MISS' }).end(text);
    });
  });
  server.on('close', () => agent.destroy());
  return { server, stats: () => structuredClone(stats) };
}
