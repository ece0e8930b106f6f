import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';
import { buildPrecache, type BuiltFile } from './precache.ts';

/** Where sw.ts reads the build's file list; the plugin writes the list in its place. */
export const BUILD_PLACEHOLDER = 'self.__IOC_SW_BUILD__';
export const SW_FILE_NAME = 'sw.js';

const hashBytes = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('base64url');

/** Every file under `dir`, as paths relative to it with forward slashes. */
function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, resolve(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Builds the service worker: src/sw/sw.ts becomes /sw.js, one classic script with no imports (a module
 * worker would leave out older tablets), with the precache list and its version written in. The list is the
 * build's own files plus those copied from public/ (see `isPrecached` for which), so a new build, or a
 * changed icon, gives a new version and the worker replaces the old cache. Only for the app's build: not
 * the dev server (where MSW's worker owns the scope) and not the sample server's SSR build.
 */
export function serviceWorker(): Plugin {
  const entry = resolve(dirname(fileURLToPath(import.meta.url)), 'sw.ts');
  let config: ResolvedConfig;
  return {
    name: 'ioc-service-worker',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: entry, fileName: SW_FILE_NAME });
    },
    generateBundle: {
      // After Vite has written index.html and rewritten the chunks: the list sees the final files.
      order: 'post',
      handler(_options, bundle) {
        const sw = bundle[SW_FILE_NAME];
        if (!sw || sw.type !== 'chunk') return this.error(`${SW_FILE_NAME} was not built`);
        if (sw.imports.length || sw.dynamicImports.length) {
          return this.error(`${SW_FILE_NAME} must be one script, but it imports ${[...sw.imports, ...sw.dynamicImports].join(', ')}: keep src/sw/ apart from the app's modules`);
        }
        const files: BuiltFile[] = [];
        const written = new Set<string>();
        for (const [fileName, output] of Object.entries(bundle)) {
          if (fileName === SW_FILE_NAME) continue;
          written.add(fileName);
          files.push({ path: fileName, hash: hashBytes(output.type === 'chunk' ? output.code : output.source) });
        }
        if (config.build.copyPublicDir && config.publicDir) {
          for (const path of listFiles(config.publicDir)) {
            if (!written.has(path)) files.push({ path, hash: hashBytes(readFileSync(resolve(config.publicDir, path))) });
          }
        }
        const build = buildPrecache(files);
        const at = sw.code.indexOf(BUILD_PLACEHOLDER);
        if (at < 0 || sw.code.indexOf(BUILD_PLACEHOLDER, at + 1) >= 0) {
          return this.error(`${SW_FILE_NAME}: expected ${BUILD_PLACEHOLDER} exactly once in the built worker`);
        }
        sw.code = sw.code.slice(0, at) + JSON.stringify(build) + sw.code.slice(at + BUILD_PLACEHOLDER.length);
        config.logger.info(`service worker: ${SW_FILE_NAME} precaches ${build.files.length} files, version ${build.version}`);
      },
    },
  };
}
