/**
 * The dashboard's service worker (served as /sw.js, scope "/"): the app starts without a network, on a
 * tablet in a meeting or on a wall after a power cut, and the app itself shows its last good data marked as
 * a cached copy. Built by the plugin in ./plugin.ts, which puts the build's file list in place of
 * `self.__IOC_SW_BUILD__`. Plain fetch and Cache Storage: no importScripts, no eval (the CSP forbids both).
 *
 * What it does with each request is decided by `route` (./routing.ts):
 * - page loads: the network, but after NAVIGATION_TIMEOUT_MS (or on a network error or a 5xx) this build's
 *   index.html from the precache;
 * - /assets/…: the cache, else the network (hashed names: the content of a name never changes);
 * - /config.json: the network (kept as the runtime copy), else the last copy after the same timeout;
 * - manifest, icons, favicon: the precache, else the network;
 * - the feed API (/api/…), /__mock/… and anything else: not touched.
 */
import { RUNTIME_CACHE, shellCacheName, staleCaches } from './caches';
import { CONFIG_PATH, SHELL_PATH, route } from './routing';
import type { SwBuild } from './precache';

// The worker's own types: the project compiles against the DOM library, whose `self` is a Window.
interface SwExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwFetchEvent extends SwExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface SwGlobal {
  readonly location: { readonly origin: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: SwExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
}

const worker = self as unknown as SwGlobal;
const BUILD = (self as unknown as { __IOC_SW_BUILD__: SwBuild }).__IOC_SW_BUILD__;
const SHELL_CACHE = shellCacheName(BUILD.version);
const scope = { origin: worker.location.origin, precached: new Set(BUILD.files) };

/** How long a page load or config.json waits for the network before the cached copy is used. */
const NAVIGATION_TIMEOUT_MS = 3000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.addAll(BUILD.files);
      // The page that registered this worker read config.json before the worker existed: keep a copy now,
      // so the next start without a network finds one. Best effort: the config is not part of the build.
      await refreshConfigCopy().catch(() => undefined);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(staleCaches(names, BUILD.version).map((name) => caches.delete(name)));
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  switch (route(request.url, request.mode, scope)) {
    case 'network-first-shell':
      event.respondWith(pageLoad(request));
      return;
    case 'cache-first':
      event.respondWith(cacheFirst(request, event));
      return;
    case 'config':
      event.respondWith(config(request, event));
      return;
    case 'precache':
      event.respondWith(precached(request));
      return;
    case 'passthrough':
      return;
  }
});

const isHtml = (response: Response) => (response.headers.get('content-type') ?? '').includes('text/html');

/** Resolves to null after `ms`. */
function timeout(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

/** The network's answer if it comes within `ms` and is not a server error, else null. Never rejects. */
async function networkWithin(network: Promise<Response>, ms: number): Promise<Response | null> {
  try {
    const first = await Promise.race([network, timeout(ms)]);
    return first && first.status < 500 ? first : null;
  } catch {
    return null;
  }
}

async function pageLoad(request: Request): Promise<Response> {
  const network = fetch(request);
  network.catch(() => undefined);
  const answer = await networkWithin(network, NAVIGATION_TIMEOUT_MS);
  if (answer) return answer;
  const shell = await caches.open(SHELL_CACHE).then((cache) => cache.match(SHELL_PATH));
  // Nothing cached (should not happen once installed): whatever the network does, the browser shows.
  return shell ?? network;
}

async function cacheFirst(request: Request, event: SwExtendableEvent): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  // Not a host's SPA fallback answering a missing file with index.html.
  if (response.ok && response.type === 'basic' && !isHtml(response)) {
    const copy = response.clone();
    event.waitUntil(cache.put(request, copy).catch(() => undefined));
  }
  return response;
}

async function precached(request: Request): Promise<Response> {
  const cached = await caches.open(SHELL_CACHE).then((cache) => cache.match(request, { ignoreSearch: true }));
  return cached ?? fetch(request);
}

/** Fetches config.json (revalidated, like the app asks for it) and keeps it as the runtime copy if it is good. */
async function refreshConfigCopy(url: string = CONFIG_PATH): Promise<Response> {
  const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  // Not a proxy's sign-in page: a copy the app could not read is worse than none.
  if (response.ok && response.type === 'basic' && (response.headers.get('content-type') ?? '').includes('json')) {
    const copy = response.clone();
    await caches.open(RUNTIME_CACHE).then((cache) => cache.put(CONFIG_PATH, copy));
  }
  return response;
}

async function config(request: Request, event: SwExtendableEvent): Promise<Response> {
  const network = refreshConfigCopy(request.url);
  network.catch(() => undefined);
  // A late answer still refreshes the copy after the cached one was used.
  event.waitUntil(network.catch(() => undefined));
  const answer = await networkWithin(network, NAVIGATION_TIMEOUT_MS);
  if (answer) return answer;
  const kept = await caches.open(RUNTIME_CACHE).then((cache) => cache.match(CONFIG_PATH));
  return kept ?? network;
}
