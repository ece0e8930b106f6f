/**
 * Bytes shipped for a first view: the JavaScript and CSS a cold load fetched before it was ready, each file's
 * size raw and gzipped (level 9, as the sample server and the nginx example send it), read from dist/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../../test/support/server';

export interface ChunkSize {
  /** URL path, e.g. /assets/index-DH0iRRZV.js */
  path: string;
  kind: 'js' | 'css';
  raw: number;
  gzip: number;
}

export interface FirstViewBytes {
  path: string;
  js: { raw: number; gzip: number };
  css: { raw: number; gzip: number };
  chunks: ChunkSize[];
}

const sizes = new Map<string, ChunkSize>();

export function chunkSize(urlPath: string): ChunkSize {
  let size = sizes.get(urlPath);
  if (!size) {
    const body = readFileSync(resolve(REPO_ROOT, 'dist', `.${urlPath}`));
    size = { path: urlPath, kind: urlPath.endsWith('.css') ? 'css' : 'js', raw: body.byteLength, gzip: gzipSync(body, { level: 9 }).byteLength };
    sizes.set(urlPath, size);
  }
  return size;
}

export function firstViewBytes(path: string, assets: readonly string[]): FirstViewBytes {
  const chunks = assets.map(chunkSize).sort((a, b) => b.gzip - a.gzip);
  const total = (kind: 'js' | 'css') => {
    const of = chunks.filter((c) => c.kind === kind);
    return { raw: of.reduce((s, c) => s + c.raw, 0), gzip: of.reduce((s, c) => s + c.gzip, 0) };
  };
  return { path, js: total('js'), css: total('css'), chunks };
}
