import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * Gzipped bodies by their answer's strong ETag (a hash of the bytes, so one tag is one body): a minute's live
 * figures or a day's closes are compressed once for the hundreds of screens that ask for them, not once per
 * request, and on libuv's thread pool rather than the event loop. Requests that come while a body is being
 * compressed wait for the same result. Keeps the most recently used bodies up to `maxEntries` and `maxBytes`
 * (compressed).
 */
export class GzipCache {
  private readonly entries = new Map<string, { gzipped: Promise<Buffer>; bytes: number }>();
  private totalBytes = 0;

  constructor(
    private readonly maxEntries = 256,
    private readonly maxBytes = 16 * 1024 * 1024,
  ) {}

  /** The gzip of `body`, whose strong ETag is `etag`. */
  gzip(etag: string, body: Uint8Array): Promise<Buffer> {
    const hit = this.entries.get(etag);
    if (hit) {
      // Most recently used last: a Map iterates in insertion order, so the first key is the one to drop.
      this.entries.delete(etag);
      this.entries.set(etag, hit);
      return hit.gzipped;
    }
    const entry = { gzipped: gzipAsync(body), bytes: 0 };
    this.entries.set(etag, entry);
    entry.gzipped.then(
      (gzipped) => {
        if (this.entries.get(etag) !== entry) return;
        entry.bytes = gzipped.byteLength;
        this.totalBytes += entry.bytes;
        this.evict();
      },
      () => {
        if (this.entries.get(etag) === entry) this.entries.delete(etag);
      },
    );
    this.evict();
    return entry.gzipped;
  }

  /** How many bodies it holds, and their compressed bytes (for tests and the load test's report). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.totalBytes };
  }

  private evict(): void {
    for (const [etag, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.totalBytes <= this.maxBytes) return;
      this.entries.delete(etag);
      this.totalBytes -= entry.bytes;
    }
  }
}
