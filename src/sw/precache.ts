/**
 * The service worker's precache list and version, worked out at build time from the files of the build
 * (the Vite plugin in ./plugin.ts reads them). Pure: unit-tested without a build.
 */

/** A file of the build: its path under dist/ (`assets/index-abc.js`) and a hash of its bytes. */
export interface BuiltFile {
  path: string;
  hash: string;
}

/** What the plugin writes into sw.js. */
export interface SwBuild {
  /** Changes whenever any precached file's name or bytes change: names the cache of this build. */
  version: string;
  /** Absolute paths to precache on install, sorted. */
  files: string[];
}

/**
 * The app shell: index.html, every hashed file Vite wrote under assets/, the web app manifest, the icons
 * and the favicon. Never config.json (an operator edits it without a rebuild: the worker keeps a runtime
 * copy instead), the service workers' own scripts (sw.js, the dev server's mockServiceWorker.js), source
 * maps, or anything else in public/ that the app does not need to start.
 */
export function isPrecached(path: string): boolean {
  const p = path.replace(/^\/+/, '');
  if (p.endsWith('.map')) return false;
  if (p === 'index.html' || p === 'manifest.webmanifest') return true;
  if (/^favicon\.(svg|ico|png)$/.test(p)) return true;
  if (p.startsWith('assets/') && p.length > 'assets/'.length) return true;
  return /^icons\/[^/]+\.(png|svg|webp)$/.test(p);
}

/**
 * A 64-bit FNV-1a hash of a string's UTF-16 code units, as 16 hex digits. Not cryptographic: it only has
 * to change when the list changes.
 */
export function hashText(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}

/** The precache list of a build and its version: a hash of every precached path with its content hash. */
export function buildPrecache(files: readonly BuiltFile[]): SwBuild {
  const kept = files
    .map((file) => ({ path: `/${file.path.replace(/\\/g, '/').replace(/^\/+/, '')}`, hash: file.hash }))
    .filter((file) => isPrecached(file.path));
  const byPath = new Map(kept.map((file) => [file.path, file.hash]));
  const paths = [...byPath.keys()].sort();
  if (!byPath.has('/index.html')) throw new Error('The service worker precache needs index.html in the build');
  const version = hashText(paths.map((path) => `${path}\t${byPath.get(path)}`).join('\n'));
  return { version, files: paths };
}
