import { describe, expect, it } from 'vitest';
import { buildPrecache, hashText, isPrecached, type BuiltFile } from '../../../src/sw/precache';
import { RUNTIME_CACHE, shellCacheName, staleCaches } from '../../../src/sw/caches';

const BUILD: BuiltFile[] = [
  { path: 'index.html', hash: 'h-index' },
  { path: 'assets/index-abc.js', hash: 'h1' },
  { path: 'assets/index-def.css', hash: 'h2' },
  { path: 'assets/WallPage-123.js', hash: 'h3' },
  { path: 'assets/index-abc.js.map', hash: 'h4' },
  { path: 'config.json', hash: 'h5' },
  { path: 'mockServiceWorker.js', hash: 'h6' },
  { path: 'sw.js', hash: 'h7' },
  { path: 'manifest.webmanifest', hash: 'h8' },
  { path: 'favicon.svg', hash: 'h9' },
  { path: 'icons/icon-192.png', hash: 'h10' },
  { path: 'icons/icon.svg', hash: 'h11' },
  { path: 'robots.txt', hash: 'h12' },
];

describe('the precache list', () => {
  it('holds the app shell: index.html, the hashed assets, the manifest, the icons and the favicon', () => {
    expect(buildPrecache(BUILD).files).toEqual([
      '/assets/WallPage-123.js',
      '/assets/index-abc.js',
      '/assets/index-def.css',
      '/favicon.svg',
      '/icons/icon-192.png',
      '/icons/icon.svg',
      '/index.html',
      '/manifest.webmanifest',
    ]);
  });

  it('never holds config.json, the service workers, source maps or unknown public files', () => {
    for (const path of ['config.json', '/config.json', 'mockServiceWorker.js', 'sw.js', 'assets/index-abc.js.map', 'robots.txt', 'assets/', 'icons/sub/x.png', 'api/v1/meta']) {
      expect(isPrecached(path), path).toBe(false);
    }
  });

  it('needs index.html', () => {
    expect(() => buildPrecache(BUILD.filter((file) => file.path !== 'index.html'))).toThrow(/index\.html/);
  });

  it('accepts Windows separators and leading slashes, and lists a file once', () => {
    const build = buildPrecache([{ path: 'index.html', hash: 'a' }, { path: 'assets\\x-1.js', hash: 'b' }, { path: '/assets/x-1.js', hash: 'b' }]);
    expect(build.files).toEqual(['/assets/x-1.js', '/index.html']);
  });
});

describe('the precache version', () => {
  const version = buildPrecache(BUILD).version;

  it('is 16 hex digits, the same for the same build in any order', () => {
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(buildPrecache([...BUILD].reverse()).version).toBe(version);
  });

  it('changes with a new file name or new bytes in a precached file', () => {
    const renamed = BUILD.map((file) => (file.path === 'assets/index-abc.js' ? { ...file, path: 'assets/index-xyz.js' } : file));
    const edited = BUILD.map((file) => (file.path === 'icons/icon-192.png' ? { ...file, hash: 'other' } : file));
    const added = [...BUILD, { path: 'assets/New-1.js', hash: 'n' }];
    expect(new Set([version, buildPrecache(renamed).version, buildPrecache(edited).version, buildPrecache(added).version]).size).toBe(4);
  });

  it('does not change with files outside the precache (an operator editing config.json)', () => {
    const edited = BUILD.map((file) => (file.path === 'config.json' ? { ...file, hash: 'edited' } : file));
    expect(buildPrecache(edited).version).toBe(version);
  });

  it('hashes text with FNV-1a (64 bits)', () => {
    expect(hashText('')).toBe('cbf29ce484222325');
    expect(hashText('a')).toBe('af63dc4c8601ec8c');
    expect(hashText('abc')).not.toBe(hashText('acb'));
  });
});

describe('the caches of a build', () => {
  it('deletes our older caches on activation, keeping this build and the runtime copies, and nothing of others', () => {
    const names = [shellCacheName('old1'), shellCacheName('new'), RUNTIME_CACHE, 'ioc-runtime-v0', 'someone-else', 'workbox-precache'];
    expect(staleCaches(names, 'new')).toEqual([shellCacheName('old1'), 'ioc-runtime-v0']);
    expect(staleCaches([shellCacheName('new'), RUNTIME_CACHE], 'new')).toEqual([]);
  });
});
