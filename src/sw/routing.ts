/**
 * How the service worker treats each request: a pure function of the URL and the request mode, so it is
 * unit-tested without a browser. The worker (sw.ts) maps each kind to a strategy:
 *
 * - `network-first-shell`: a page load (any route of the SPA): the network, with a short timeout, else
 *   the index.html of this build from the precache;
 * - `cache-first`: Vite's hashed files under /assets/: a name never changes its content;
 * - `config`: /config.json: the network (an operator edits it without a rebuild), else the last copy;
 * - `precache`: the other files of the app shell (manifest, icons, favicon): from the precache;
 * - `passthrough`: not handled at all. The feed API (/api/…) and the sample server's control endpoints
 *   (/__mock/…) above all: the app keeps its last good data itself and must see real failures to say
 *   it is offline. Also other origins, the service workers' own scripts and anything unknown.
 */
export type RouteKind = 'precache' | 'network-first-shell' | 'cache-first' | 'config' | 'passthrough';

export interface RouteScope {
  /** The service worker's origin, e.g. `https://ioc.example.gov.vn`. */
  origin: string;
  /** Paths in the precache (`/index.html`, `/assets/index-abc.js`, `/manifest.webmanifest`, …). */
  precached: ReadonlySet<string>;
}

export const SHELL_PATH = '/index.html';
export const CONFIG_PATH = '/config.json';
export const ASSETS_PREFIX = '/assets/';
/** Path roots that always go straight to the network: the feed API and the sample server's controls. */
export const NETWORK_ONLY_ROOTS: readonly string[] = ['/api', '/__mock'];
/** Scripts the browser fetches itself to install a service worker: ours and the dev server's MSW worker. */
export const NETWORK_ONLY_FILES: readonly string[] = ['/sw.js', '/mockServiceWorker.js'];

const underRoot = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

/** The last path segment has a file extension (`/config.json`), unlike a route of the app (`/wall`). */
function hasExtension(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.');
}

/** How the service worker handles a GET request for `url` made in `mode` (`Request.mode`). */
export function route(url: string | URL, mode: string, scope: RouteScope): RouteKind {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'passthrough';
  }
  if (parsed.origin !== scope.origin) return 'passthrough';
  let path = parsed.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    return 'passthrough';
  }
  if (NETWORK_ONLY_ROOTS.some((root) => underRoot(path, root))) return 'passthrough';
  if (NETWORK_ONLY_FILES.includes(path)) return 'passthrough';
  // A page load: any route of the SPA answers with index.html, as the server's fallback does. A file
  // opened in a tab (/config.json, an icon) is handled like any other request for that file.
  if (mode === 'navigate' && (!hasExtension(path) || path === SHELL_PATH)) return 'network-first-shell';
  if (path === CONFIG_PATH) return 'config';
  if (path.startsWith(ASSETS_PREFIX) && path.length > ASSETS_PREFIX.length) return 'cache-first';
  if (scope.precached.has(path)) return 'precache';
  return 'passthrough';
}
