/** The service worker's Cache Storage names. Everything of ours starts with CACHE_PREFIX. */
export const CACHE_PREFIX = 'ioc-';
/** The runtime copies (config.json) outlive a build: the config is the operator's, not the build's. */
export const RUNTIME_CACHE = `${CACHE_PREFIX}runtime-v1`;

/** The app shell of one build. */
export function shellCacheName(version: string): string {
  return `${CACHE_PREFIX}shell-${version}`;
}

/** Caches to delete when the build `version` takes over: ours, except its shell and the runtime cache. */
export function staleCaches(names: readonly string[], version: string): string[] {
  const keep = new Set([shellCacheName(version), RUNTIME_CACHE]);
  return names.filter((name) => name.startsWith(CACHE_PREFIX) && !keep.has(name));
}
