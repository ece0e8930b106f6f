import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_PLACEHOLDER, serviceWorker, SW_FILE_NAME } from '../../../src/sw/plugin';
import type { SwBuild } from '../../../src/sw/precache';

type Bundle = Record<string, Record<string, unknown>>;

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function publicDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-sw-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Runs the plugin's hooks as Vite would, on a bundle of `chunks` and `assets`; returns sw.js or the error. */
function run(bundle: Bundle, publicFiles: Record<string, string>) {
  const plugin = serviceWorker();
  const emitted: unknown[] = [];
  const logs: string[] = [];
  const context = {
    emitFile: (file: unknown) => emitted.push(file),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  const config = { build: { copyPublicDir: true }, publicDir: publicDir(publicFiles), logger: { info: (line: string) => logs.push(line) } };
  (plugin.configResolved as (c: unknown) => void)(config);
  (plugin.buildStart as (this: unknown) => void).call(context);
  const generate = plugin.generateBundle as unknown as { order: string; handler: (this: unknown, o: unknown, b: Bundle) => void };
  generate.handler.call(context, {}, bundle);
  return { emitted, logs, order: generate.order, code: String(bundle[SW_FILE_NAME]?.code ?? '') };
}

const chunk = (code: string, imports: string[] = []) => ({ type: 'chunk', code, imports, dynamicImports: [] });
const asset = (source: string) => ({ type: 'asset', source });
const worker = (code = `var b=${BUILD_PLACEHOLDER};self.addEventListener("install",()=>b);`) => chunk(code);
const readBuild = (code: string) => JSON.parse(/var b=(\{.*?\});/.exec(code)?.[1] ?? 'null') as SwBuild;

function appBundle(): Bundle {
  return {
    [SW_FILE_NAME]: worker(),
    'index.html': asset('<!doctype html>'),
    'assets/index-abc.js': chunk('console.log(1)'),
    'assets/index-abc.css': asset('body{}'),
  };
}

describe('the service worker build plugin', () => {
  it('is for app builds only: not the dev server, not the SSR build of the sample server', () => {
    const apply = serviceWorker().apply as (c: unknown, env: { command: string; isSsrBuild?: boolean }) => boolean;
    expect(apply({}, { command: 'build', isSsrBuild: false })).toBe(true);
    expect(apply({}, { command: 'build', isSsrBuild: true })).toBe(false);
    expect(apply({}, { command: 'serve' })).toBe(false);
  });

  it('emits src/sw/sw.ts as /sw.js and writes the precache list of the build and of public/ into it', () => {
    const result = run(appBundle(), {
      'config.json': '{}',
      'mockServiceWorker.js': '//',
      'favicon.svg': '<svg/>',
      'manifest.webmanifest': '{}',
      'icons/icon-192.png': 'png',
    });
    expect(result.emitted).toEqual([expect.objectContaining({ type: 'chunk', fileName: 'sw.js', id: expect.stringMatching(/src[\\/]sw[\\/]sw\.ts$/) })]);
    expect(result.order).toBe('post');
    expect(result.code).not.toContain(BUILD_PLACEHOLDER);
    const build = readBuild(result.code);
    expect(build.files).toEqual(['/assets/index-abc.css', '/assets/index-abc.js', '/favicon.svg', '/icons/icon-192.png', '/index.html', '/manifest.webmanifest']);
    expect(build.version).toMatch(/^[0-9a-f]{16}$/);
    expect(result.logs.join('\n')).toContain(build.version);
  });

  it('gives a new version when a built file or a public file changes, and the same one otherwise', () => {
    const files = { 'favicon.svg': '<svg/>', 'config.json': '{"a":1}' };
    const first = readBuild(run(appBundle(), files).code).version;
    expect(readBuild(run(appBundle(), files).code).version).toBe(first);
    expect(readBuild(run(appBundle(), { ...files, 'config.json': '{"a":2}' }).code).version).toBe(first);
    expect(readBuild(run(appBundle(), { ...files, 'favicon.svg': '<svg></svg>' }).code).version).not.toBe(first);
    const changed = appBundle();
    changed['assets/index-abc.js'] = chunk('console.log(2)');
    expect(readBuild(run(changed, files).code).version).not.toBe(first);
  });

  it('fails the build when the worker would import other chunks or lost its placeholder', () => {
    const importing = appBundle();
    importing[SW_FILE_NAME] = chunk(`var b=${BUILD_PLACEHOLDER};`, ['assets/index-abc.js']);
    expect(() => run(importing, {})).toThrow(/must be one script/);
    const lost = appBundle();
    lost[SW_FILE_NAME] = worker('var b=self.somethingElse;');
    expect(() => run(lost, {})).toThrow(/exactly once/);
    const missing = appBundle();
    delete missing[SW_FILE_NAME];
    expect(() => run(missing, {})).toThrow(/was not built/);
  });
});
