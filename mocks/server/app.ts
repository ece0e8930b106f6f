import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { getResponse } from 'msw';
import type { SampleProvince } from '../generator/types';
import { createHandlers, type AuthOptions, type FaultRegistry, type RequestCounter } from '../handlers';
import { problemResponse } from '../handlers/respond';
import { BodyTooLargeError, sendFetchResponse, toFetchRequest } from './bridge';
import { createClockHandlers } from './clock';
import { acceptsGzip } from './encoding';
import { GzipCache } from './gzipCache';
import { SECURITY_HEADERS } from './csp';
import { createStaticFiles } from './static';

export interface AppServerOptions {
  /** The built app (`vite build` output): index.html, config.json, assets/… */
  distDir: string;
  /** The sample the API serves. */
  province: SampleProvince;
  /** The sample's clock (default: the real one), which `GET /__mock/clock` reads. */
  now?: () => Date;
  /** Fault registry shared with the caller (default: a new, healthy one). */
  faults?: FaultRegistry;
  /** Request counter shared with the caller (default: a new one). */
  requests?: RequestCounter;
  /** Bearer-token auth on /api/v1 (AUTH_TOKEN); /__mock and the app stay open. */
  auth?: AuthOptions;
  /** How many times faster than real time `now` runs (SAMPLE_TIME_SCALE, for the load test); max-age shrinks with it. */
  timeScale?: number;
}

/** Path roots the sample API (/api/v1/…) and its control endpoints (/__mock/faults, /__mock/requests, /__mock/clock) own. */
const API_ROOTS = ['/api', '/__mock'];

function isApiPath(path: string): boolean {
  return API_ROOTS.some((root) => path === root || path.startsWith(`${root}/`));
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-cache', ...headers });
  response.end(text);
}

/**
 * The demo and end-to-end server: the built app from `distDir` and the sample API on one port.
 * Not listening yet: call `listen` (port 0 picks a free port).
 */
export function createAppServer(options: AppServerOptions): Server {
  const now = options.now ?? (() => new Date());
  const handlers = [
    ...createClockHandlers(now, options.timeScale),
    ...createHandlers(options.province, {
      faults: options.faults,
      requests: options.requests,
      auth: options.auth,
      now,
      timeScale: options.timeScale,
    }),
  ];
  const files = createStaticFiles(options.distDir);
  const gzipCache = new GzipCache();

  async function answerApi(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const controller = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) controller.abort();
    });
    let fetchResponse: Response | undefined;
    try {
      const fetchRequest = await toFetchRequest(request, controller.signal);
      fetchResponse = await getResponse(handlers, fetchRequest);
    } catch (error) {
      fetchResponse =
        error instanceof BodyTooLargeError
          ? problemResponse(413, error.message, { instance: path })
          : problemResponse(500, `The sample server failed: ${error instanceof Error ? error.message : String(error)}`, { instance: path });
    }
    if (controller.signal.aborted) return;
    fetchResponse ??= problemResponse(404, `No route ${request.method ?? 'GET'} ${path} in the sample API.`, { instance: path });
    await sendFetchResponse(fetchResponse, response, { headOnly: request.method === 'HEAD', gzip: acceptsGzip(request), ifNoneMatch: request.headers['if-none-match'], gzipCache });
  }

  async function answerApp(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    if (await files.send(request, response, path)) return;
    // History-mode routes (/wall, /unit/123) are the app's: any extension-less path gets index.html.
    if (extname(path) === '' && (await files.send(request, response, '/index.html'))) return;
    sendText(response, 404, `Not found: ${path}\n`);
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      sendText(response, 400, 'Bad request path\n');
      return;
    }
    if (path.includes('\0')) {
      sendText(response, 400, 'Bad request path\n');
      return;
    }
    if (isApiPath(path)) await answerApi(request, response, path);
    else await answerApp(request, response, path);
  }

  return createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    answer(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendText(response, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
}
