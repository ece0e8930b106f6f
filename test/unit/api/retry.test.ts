import { describe, expect, it, vi } from 'vitest';
import { backoffDelay, withRetry } from '../../../src/api/retry';
import { RequestError, isRetryable } from '../../../src/api/requestError';

const policy = { retries: 3, baseMs: 500, maxMs: 8000 };

describe('retries with backoff and jitter', () => {
  it('waits a random time under a ceiling that doubles each attempt', () => {
    expect(backoffDelay(0, policy, () => 0.999)).toBe(499);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(1000);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(7992);
    expect(backoffDelay(1, policy, () => 0)).toBe(0);
  });

  it('retries a 503 until it succeeds', async () => {
    const sleep = vi.fn(async () => {});
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw new RequestError({ kind: 'http', status: 503 });
        return 'ok';
      },
      policy,
      { shouldRetry: isRetryable, sleep },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it('gives up after the allowed number of retries', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new RequestError({ kind: 'network' });
        },
        policy,
        { shouldRetry: isRetryable, sleep: async () => {} },
      ),
    ).rejects.toThrow('API unreachable');
    expect(calls).toBe(4);
  });

  it('does not retry answers that will not change: 400, 401, 404', () => {
    expect(isRetryable(new RequestError({ kind: 'http', status: 400 }))).toBe(false);
    expect(isRetryable(new RequestError({ kind: 'http', status: 401 }))).toBe(false);
    expect(isRetryable(new RequestError({ kind: 'http', status: 404 }))).toBe(false);
    expect(isRetryable(new RequestError({ kind: 'http', status: 429 }))).toBe(true);
    expect(isRetryable(new RequestError({ kind: 'timeout' }))).toBe(true);
    expect(isRetryable(new RequestError({ kind: 'cancelled' }))).toBe(false);
  });

  it('stops waiting when the view that asked goes away', async () => {
    const controller = new AbortController();
    const pending = withRetry(
      async () => {
        throw new RequestError({ kind: 'network' });
      },
      { retries: 3, baseMs: 10_000, maxMs: 10_000 },
      { shouldRetry: isRetryable, signal: controller.signal, random: () => 0.9 },
    );
    controller.abort(new Error('view closed'));
    await expect(pending).rejects.toThrow();
  });
});
