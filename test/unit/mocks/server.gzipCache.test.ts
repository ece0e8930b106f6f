// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { GzipCache } from '../../../mocks/server/gzipCache';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('GzipCache', () => {
  it('compresses a tagged body once, and hands every later request the same bytes', async () => {
    const cache = new GzipCache();
    const body = bytes(JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ unit: `u${i}`, value: i })) }));
    const [a, b] = await Promise.all([cache.gzip('"t1"', body), cache.gzip('"t1"', body)]);
    expect(a).toBe(b);
    expect(gunzipSync(a).equals(Buffer.from(body))).toBe(true);
    expect(await cache.gzip('"t1"', bytes('ignored: the tag names the body'))).toBe(a);
    expect(cache.size).toEqual({ entries: 1, bytes: a.byteLength });
  });

  it('keeps the most recently used bodies within its limits', async () => {
    const cache = new GzipCache(2);
    await cache.gzip('"a"', bytes('a'.repeat(2000)));
    await cache.gzip('"b"', bytes('b'.repeat(2000)));
    await cache.gzip('"a"', bytes('a'.repeat(2000)));
    await cache.gzip('"c"', bytes('c'.repeat(2000)));
    expect(cache.size.entries).toBe(2);
    const fresh = bytes('B'.repeat(2000));
    expect(gunzipSync(await cache.gzip('"b"', fresh)).toString()).toBe('B'.repeat(2000));

    const small = new GzipCache(100, 1);
    await small.gzip('"x"', bytes('x'.repeat(5000)));
    await small.gzip('"y"', bytes('y'.repeat(5000)));
    expect(small.size.entries).toBeLessThanOrEqual(1);
  });
});
