import { isJsonType } from './document';
import { waitUnlessAborted } from './wait';

/**
 * The faults that act on an answer's bytes rather than its meaning: a huge body, a cut body, a slow body.
 * The body is kept as a list of byte parts, so a 10 MB padding is shared between answers, never copied.
 */
type Bytes = Uint8Array<ArrayBuffer>;

export interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
  /** The body's bytes, in order; null for an answer without a body. */
  parts: Bytes[] | null;
  /** Spread the body over this many ms (the trickle fault). */
  trickleMs?: number;
}

/** Tells the node server not to compress an answer (it would buffer a trickle, or hide a huge body). */
export const NO_TRANSFORM = 'no-cache, no-transform';

export const HUGE_BODY_BYTES = 10 * 1024 * 1024;
/** How big a piece of a many-part body is handed on at a time. */
const CHUNK_BYTES = 64 * 1024;
/** A trickle sends a piece about this often. */
const TRICKLE_TICK_MS = 250;

const encoder = new TextEncoder();

export async function toAnswer(response: Response): Promise<Answer> {
  const parts = response.body === null ? null : [new Uint8Array(await response.arrayBuffer())];
  return { status: response.status, statusText: response.statusText, headers: new Headers(response.headers), parts };
}

const lengthOf = (parts: readonly Bytes[]) => parts.reduce((sum, part) => sum + part.byteLength, 0);
const isOkJson = (answer: Answer) => answer.status >= 200 && answer.status < 300 && answer.parts !== null && isJsonType(answer.headers.get('content-type'));

function setParts(answer: Answer, parts: Bytes[]): void {
  answer.parts = parts.filter((part) => part.byteLength > 0);
  answer.headers.set('Content-Length', String(lengthOf(parts)));
}

let padding: Bytes | undefined;

/** 10 MiB of printable filler without spaces, made once. */
function paddingBytes(): Bytes {
  if (!padding) {
    padding = new Uint8Array(HUGE_BODY_BYTES);
    const pattern = encoder.encode('IOC-sample-padding-0123456789abcdefghijklmnopqrstuvwxyz/');
    padding.set(pattern);
    // Doubling copies: 18 of them fill 10 MiB.
    for (let filled = pattern.byteLength; filled < padding.byteLength; filled *= 2) padding.copyWithin(filled, 0, Math.min(filled, padding.byteLength - filled));
  }
  return padding;
}

/**
 * A successful JSON object answer padded to about 10 MB, still valid JSON: `"padding": "<filler>"` is
 * added as the envelope's last property (a foreign member, which the contract's schemas ignore).
 */
export function padHuge(answer: Answer): void {
  const parts = answer.parts;
  if (!parts || !isOkJson(answer)) return;
  const first = parts.find((part) => part.byteLength > 0);
  const last = parts.findLast((part) => part.byteLength > 0);
  if (!first || !last || first[0] !== 0x7b /* { */ || last[last.byteLength - 1] !== 0x7d /* } */) return;
  const comma = lengthOf(parts) > 2 ? ',' : '';
  const open = parts.slice(0, parts.lastIndexOf(last));
  setParts(answer, [...open, last.subarray(0, -1), encoder.encode(`${comma}"padding":"`), paddingBytes(), encoder.encode('"}')]);
  answer.headers.set('Cache-Control', NO_TRANSFORM);
}

/** The first `count` bytes of the parts, without copying. */
function take(parts: readonly Bytes[], count: number): Bytes[] {
  const out: Bytes[] = [];
  let left = count;
  for (const part of parts) {
    if (left <= 0) break;
    out.push(part.byteLength <= left ? part : part.subarray(0, left));
    left -= part.byteLength;
  }
  return out;
}

/** A successful JSON answer cut to its first half, so that it does not parse (an object's prefix never does). */
export function cutInHalf(answer: Answer): void {
  if (!answer.parts || !isOkJson(answer)) return;
  setParts(answer, take(answer.parts, Math.max(1, Math.floor(lengthOf(answer.parts) / 2))));
}

export function trickle(answer: Answer, totalMs: number): void {
  if (answer.parts === null || totalMs <= 0) return;
  answer.trickleMs = totalMs;
  answer.headers.set('Cache-Control', NO_TRANSFORM);
}

/** Reads the parts front to back in pieces of at most `max` bytes. */
class Cursor {
  private index = 0;
  private offset = 0;
  constructor(private readonly parts: readonly Bytes[]) {}

  get done(): boolean {
    return this.index >= this.parts.length;
  }

  /** Up to `max` bytes, as pieces of the parts (no copies). */
  next(max: number): Bytes[] {
    const out: Bytes[] = [];
    let left = max;
    while (left > 0 && !this.done) {
      const part = this.parts[this.index] ?? new Uint8Array();
      const piece = part.subarray(this.offset, this.offset + left);
      out.push(piece);
      left -= piece.byteLength;
      this.offset += piece.byteLength;
      if (this.offset >= part.byteLength) {
        this.index += 1;
        this.offset = 0;
      }
    }
    return out;
  }
}

let inFlight = 0;

/** Trickles still sending (for tests that check a trickle stops when its client goes away). */
export function tricklesInFlight(): number {
  return inFlight;
}

/**
 * The body sent slowly: its first byte at once, then the rest in even pieces, one every ~250 ms, so the
 * last one goes about `totalMs` after the first. Stops when the reader cancels or `signal` aborts.
 */
function trickleStream(parts: readonly Bytes[], totalMs: number, signal: AbortSignal): ReadableStream<Bytes> {
  const cursor = new Cursor(parts);
  const rest = Math.max(0, lengthOf(parts) - 1);
  const steps = Math.max(1, Math.min(rest, Math.round(totalMs / TRICKLE_TICK_MS)));
  const pieceBytes = Math.max(1, Math.ceil(rest / steps));
  const interval = totalMs / steps;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) stop.abort();
  let started = false;
  let finished = false;
  inFlight += 1;
  const finish = () => {
    if (finished) return;
    finished = true;
    inFlight -= 1;
    signal.removeEventListener('abort', onAbort);
  };
  return new ReadableStream<Bytes>({
    async pull(controller) {
      if (started && (await waitUnlessAborted(interval, stop.signal))) {
        // Cancelled (nothing more to do), or the request was aborted: the client went away.
        finish();
        if (signal.aborted) controller.error(new Error('The client went away.'));
        return;
      }
      for (const piece of cursor.next(started ? pieceBytes : 1)) controller.enqueue(piece);
      started = true;
      if (cursor.done) {
        finish();
        controller.close();
      }
    },
    cancel() {
      stop.abort();
      finish();
    },
  });
}

/** A stream of the parts in pieces of at most 64 kB, made as the reader asks for them. */
function partsStream(parts: readonly Bytes[]): ReadableStream<Bytes> {
  const cursor = new Cursor(parts);
  return new ReadableStream<Bytes>({
    pull(controller) {
      for (const piece of cursor.next(CHUNK_BYTES)) controller.enqueue(piece);
      if (cursor.done) controller.close();
    },
  });
}

export function toResponse(answer: Answer, signal: AbortSignal): Response {
  const init = { status: answer.status, statusText: answer.statusText, headers: answer.headers };
  const parts = answer.parts;
  if (parts === null) return new Response(null, init);
  if (answer.trickleMs !== undefined) return new Response(trickleStream(parts, answer.trickleMs, signal), init);
  if (parts.length === 1 && parts[0]) return new Response(parts[0], init);
  return new Response(partsStream(parts), init);
}
