import { isDue, refreshPhaseMs } from '../src/domain/pollSchedule';
import { withRetry, type RetryPolicy } from '../src/api/retry';
import type { FeedId } from '../src/contract/routes';
import type { ScreenQuery } from './queries';

/** One request as a screen saw it. */
export interface Sample {
  feed: FeedId;
  /** HTTP status, or 0 for a network error or a timeout. */
  status: number;
  /** From sending the request to the last byte of its body. */
  ms: number;
  /** When it was sent (performance.now()). */
  sentAt: number;
  /** One of the screen's first loads (switch-on), rather than a refresh. */
  first: boolean;
}

export interface ScreenOptions {
  /** apiBase, absolute, ending in `/`. */
  base: string;
  queries: readonly ScreenQuery[];
  /** The cadence the screen polls a feed at, in (scaled) ms. */
  cadenceMs: (feed: FeedId) => number;
  timeoutMs: number;
  retry: RetryPolicy;
  record: (sample: Sample) => void;
  /**
   * Poll as a screen that has been on for a while (the load test's steady state): the switch-on loads count as
   * the attempts of the tick before, so each query is asked again at its feed's first tick, not one cadence
   * later. The rate is the app's either way (one request per query per cadence); this only skips the quiet
   * first cadence after switch-on, which a run of a minute could not see past for the hourly feeds.
   */
  steady?: boolean;
  random?: () => number;
}

class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** What the app retries (src/api/requestError.ts): network errors, timeouts, 408, 429 and 5xx. */
function retryable(error: unknown): boolean {
  if (error instanceof HttpStatusError) return error.status === 408 || error.status === 429 || error.status >= 500;
  return true;
}

interface QueryState {
  query: ScreenQuery;
  etag: string | null;
  lastAttemptAt: number | null;
  inFlight: boolean;
}

/**
 * A light client in Node that asks what a wall screen asks, on the app's own schedule (src/domain/pollSchedule.ts,
 * as src/stores/refreshSchedule.ts uses it): every query once at switch-on; then, per feed, a tick every cadence at
 * a random phase drawn once, asking each query of the feed whose last attempt is a cadence old. Each request names
 * the ETag it holds (If-None-Match); failures retry with backoff and full jitter, none for a resource whose last
 * request failed. No rendering, no parsing: only the traffic.
 */
export class Screen {
  private readonly states: QueryState[];
  private readonly timers: ReturnType<typeof setTimeout>[] = [];
  private readonly controller = new AbortController();
  private readonly failing = new Set<string>();
  private readonly random: () => number;
  private inFlight = 0;
  private idle: (() => void) | null = null;

  constructor(private readonly options: ScreenOptions) {
    this.states = options.queries.map((query) => ({ query, etag: null, lastAttemptAt: null, inFlight: false }));
    this.random = options.random ?? Math.random;
  }

  /** Switches the screen on: its first loads now (resolved when they have all answered), then the ticks. */
  start(): Promise<void> {
    const first = Promise.all(this.states.map((state) => this.load(state, true)));
    const feeds = [...new Set(this.states.map((state) => state.query.feed))];
    for (const feed of feeds) {
      const cadence = this.options.cadenceMs(feed);
      const phase = this.random();
      const firstTick = setTimeout(() => {
        this.tick(feed, cadence);
        this.timers.push(setInterval(() => this.tick(feed, cadence), cadence));
      }, refreshPhaseMs(cadence, () => phase));
      this.timers.push(firstTick);
    }
    return first.then(() => undefined);
  }

  /** Stops polling; resolves when the requests on their way have finished (or after `graceMs`, cancelling them). */
  async stop(graceMs = 5_000): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.length = 0;
    if (this.inFlight === 0) return;
    const settled = new Promise<void>((resolve) => (this.idle = resolve));
    const timer = setTimeout(() => this.controller.abort(), graceMs);
    await settled;
    clearTimeout(timer);
  }

  private tick(feed: FeedId, cadence: number): void {
    const now = performance.now();
    for (const state of this.states) {
      if (state.query.feed === feed && !state.inFlight && isDue(state.lastAttemptAt, now, cadence)) void this.load(state, false);
    }
  }

  private async load(state: QueryState, first: boolean): Promise<void> {
    state.inFlight = true;
    state.lastAttemptAt = performance.now() - (first && this.options.steady ? this.options.cadenceMs(state.query.feed) : 0);
    this.inFlight++;
    const resource = state.query.path.split('?')[0] ?? state.query.path;
    const policy = this.failing.has(resource) ? { ...this.options.retry, retries: 0 } : this.options.retry;
    try {
      await withRetry(() => this.once(state, first), policy, { shouldRetry: retryable, signal: this.controller.signal });
      this.failing.delete(resource);
    } catch {
      if (!this.controller.signal.aborted) this.failing.add(resource);
    } finally {
      state.inFlight = false;
      this.inFlight--;
      if (this.inFlight === 0 && this.idle) this.idle();
    }
  }

  private async once(state: QueryState, first: boolean): Promise<void> {
    const sentAt = performance.now();
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (state.etag) headers['If-None-Match'] = state.etag;
    let status = 0;
    try {
      const signal = AbortSignal.any([this.controller.signal, AbortSignal.timeout(this.options.timeoutMs)]);
      const response = await fetch(this.options.base + state.query.path, { headers, signal });
      status = response.status;
      // The whole body, as the app reads it (decompressed, as a browser does).
      await response.arrayBuffer();
      // As the app: a 200 brings the new copy's ETag, a 304 confirms the copy held (and may name its tag again).
      if (status === 200 || status === 304) state.etag = response.headers.get('etag') ?? (status === 304 ? state.etag : null);
    } finally {
      if (!this.controller.signal.aborted || status !== 0) {
        this.options.record({ feed: state.query.feed, status, ms: performance.now() - sentAt, sentAt, first });
      }
    }
    if (status !== 200 && status !== 304) throw new HttpStatusError(status);
  }
}
