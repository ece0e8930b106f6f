import type { FeedId } from '../../src/contract/routes';
import { VN_OFFSET_MINUTES } from '../../src/domain/time';

/**
 * HTTP caching of the sample API's answers (RFC 9110, RFC 9111): every data answer carries a strong ETag, a
 * hash of its body's bytes, and `Cache-Control: max-age=<the feed's cadence>`; a request whose
 * If-None-Match names that tag gets a 304 without a body. Sync and free of Node APIs, so the browser's
 * service worker (npm run dev), the Node server and msw/node all answer the same.
 */

/**
 * How long an answer of each feed stays current, in seconds: the dashboard's refresh cadence of the feed
 * (`feeds.<feed>.refreshSeconds` in public/config.json; a unit test keeps the two equal). The boundaries,
 * which config.json reads through `geo`, change as rarely as the unit table.
 */
export const FEED_MAX_AGE_SECONDS: Readonly<Record<FeedId, number>> = {
  meta: 3600,
  units: 3600,
  indicators: 3600,
  observations: 900,
  series: 900,
  national: 3600,
  'service-kpis': 60,
  'service-closes': 900,
  'service-history': 900,
  events: 3600,
  boundaries: 3600,
};

/**
 * The Cache-Control of a feed's data answers. `timeScale` (the load test's sample clock, running that many
 * times faster than real time) shortens max-age with it, so a cache keeps an answer for the same share of
 * the feed's cadence.
 */
export function cacheControlOf(feed: FeedId, timeScale = 1): string {
  return `max-age=${Math.max(1, Math.round(FEED_MAX_AGE_SECONDS[feed] / timeScale))}`;
}

/** Answers that no cache may keep: every answer while a fault is switched on for its feed. */
export const NO_STORE = 'no-store';

/**
 * 64-bit FNV-1a of the bytes, as 16 hex digits. Not cryptographic: it only has to change when the bytes
 * do. Done in two 32-bit halves (no BigInt), so a 100 kB body costs well under a millisecond.
 * FNV-1a 64: offset basis 0xcbf29ce484222325, prime 0x100000001b3 = 2^40 + 0x1b3.
 */
export function fnv1a64Hex(bytes: Uint8Array): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo ^= bytes[i] as number;
    // (hi·2^32 + lo) × (2^40 + 0x1b3) mod 2^64: lo × 0x1b3 fits a double exactly (< 2^41).
    const low = (lo >>> 0) * 0x1b3;
    const carry = Math.floor(low / 0x1_0000_0000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** The strong entity tag of a body: its hash, quoted. */
export function etagOf(bytes: Uint8Array): string {
  return `"${fnv1a64Hex(bytes)}"`;
}

/** An entity tag without its weakness prefix, for the weak comparison that If-None-Match uses (RFC 9110 §13.1.2). */
const opaque = (tag: string): string => (tag.startsWith('W/') ? tag.slice(2) : tag);

/** Whether an If-None-Match header names `etag` (weak comparison), or is `*`. */
export function ifNoneMatchHits(header: string | null | undefined, etag: string): boolean {
  if (header === null || header === undefined) return false;
  const wanted = opaque(etag);
  return header.split(',').some((item) => {
    const tag = item.trim();
    return tag === '*' || opaque(tag) === wanted;
  });
}

/**
 * When the annual feeds' data last changed, as their `asOf` says: the sample province is loaded once a day,
 * at midnight Vietnam time (the way a platform's nightly load would), so the answer's bytes, and its
 * ETag, stay the same all day. A day keeps the stamp well inside the 48 h that config.json allows these
 * feeds before the dashboard calls them out of date. (The live KPIs are stamped with their minute.)
 */
export function dailyLoadOf(at: Date): Date {
  const day = 24 * 60 * 60_000;
  const offset = VN_OFFSET_MINUTES * 60_000;
  return new Date(Math.floor((at.getTime() + offset) / day) * day - offset);
}

/** The 304 of RFC 9110 §15.4.5: no body, the tag and the caching headers a 200 would have sent. */
export function notModifiedResponse(etag: string, cacheControl: string): Response {
  return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl } });
}

/**
 * A feed's fault answer made uncacheable: `Cache-Control: no-store` (keeping `no-transform`, which tells the
 * node server not to compress a trickle or a huge body), and no ETag, so no cache keeps it and no client
 * revalidates against it.
 */
export function uncacheable(response: Response): Response {
  if (response.type === 'error') return response;
  const headers = new Headers(response.headers);
  const noTransform = /\bno-transform\b/i.test(headers.get('cache-control') ?? '');
  headers.set('Cache-Control', noTransform ? `${NO_STORE}, no-transform` : NO_STORE);
  headers.delete('ETag');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
