/** Exponential backoff with full jitter, so that many screens retrying after an outage spread out. */
export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  baseMs: number;
  maxMs: number;
}

/** Delay before retry number `attempt` (0-based): uniform in [0, min(max, base · 2^attempt)). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

export interface RetryOptions {
  signal?: AbortSignal;
  shouldRetry: (error: unknown) => boolean;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `task`, retrying failures that `shouldRetry` accepts, at most `policy.retries` times. */
export async function withRetry<T>(task: (attempt: number) => Promise<T>, policy: RetryPolicy, options: RetryOptions): Promise<T> {
  const wait = options.sleep ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      if (attempt >= policy.retries || options.signal?.aborted || !options.shouldRetry(error)) throw error;
      await wait(backoffDelay(attempt, policy, options.random), options.signal);
    }
  }
}
