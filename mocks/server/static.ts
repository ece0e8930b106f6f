import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { contentSecurityPolicy, withConnectSources } from './csp';
import { acceptsGzip, isCompressible, MIN_GZIP_BYTES } from './encoding';

const gzipAsync = promisify(gzip);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Hashed build output (Vite's /assets/) never changes under the same name: cached for a year.
 * Everything else (index.html, config.json, mockServiceWorker.js, public files) is revalidated on
 * every load, so a rebuild or an operator's edit shows at once.
 */
export function cacheControlOf(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`;
  });
}

interface CachedFile {
  /** Size and mtime when read: a file changed on disk (an operator editing config.json) is read again. */
  version: string;
  body: Buffer;
  gzipped: Buffer | null;
  etag: string;
}

export interface StaticOptions {
  /** Origins the app may also fetch from (the identity provider), in the CSP header and index.html's meta tag. */
  connectSrc?: readonly string[];
}

/**
 * Serves the files of a built app from one directory, reading each file once (until it changes on
 * disk) and keeping its gzipped bytes in memory.
 */
export function createStaticFiles(distDir: string, options: StaticOptions = {}) {
  const root = resolve(distDir);
  const connectSrc = options.connectSrc ?? [];
  const policy = contentSecurityPolicy(connectSrc);
  const cache = new Map<string, CachedFile>();

  /** The file for a URL path, or undefined when it is outside the root or not a regular file. */
  async function load(urlPath: string): Promise<CachedFile | undefined> {
    const file = resolve(root, `.${urlPath}`);
    if (file !== root && !file.startsWith(root + sep)) return undefined;
    let info;
    try {
      info = await stat(file);
    } catch {
      return undefined;
    }
    if (!info.isFile()) return undefined;
    const version = `${info.size}-${info.mtimeMs}`;
    const cached = cache.get(file);
    if (cached?.version === version) return cached;
    const read = await readFile(file);
    const body = connectSrc.length > 0 && contentTypeOf(file).startsWith('text/html') ? Buffer.from(withConnectSources(read.toString('utf8'), connectSrc)) : read;
    const gzipped = isCompressible(contentTypeOf(file)) && body.byteLength >= MIN_GZIP_BYTES ? await gzipAsync(body, { level: 9 }) : null;
    const entry: CachedFile = { version, body, gzipped, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    cache.set(file, entry);
    return entry;
  }

  /** Sends the file at `urlPath`; false when there is no such file (nothing was sent). */
  async function send(request: IncomingMessage, response: ServerResponse, urlPath: string): Promise<boolean> {
    const file = await load(urlPath);
    if (!file) return false;
    const contentType = contentTypeOf(urlPath);
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'Cache-Control': cacheControlOf(urlPath),
      'X-Content-Type-Options': 'nosniff',
    };
    // index.html, whether asked for or sent as the SPA fallback of a route.
    if (contentType.startsWith('text/html')) headers['Content-Security-Policy'] = policy;
    const useGzip = file.gzipped !== null && acceptsGzip(request);
    const body = useGzip && file.gzipped ? file.gzipped : file.body;
    // Each encoding is its own representation, with its own tag.
    headers.ETag = useGzip ? `${file.etag.slice(0, -1)}-gz"` : file.etag;
    if (file.gzipped) headers.Vary = 'Accept-Encoding';
    if (matchesEtag(request.headers['if-none-match'], headers.ETag)) {
      response.writeHead(304, headers).end();
      return true;
    }
    if (useGzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(body.byteLength);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
    return true;
  }

  return { send };
}
