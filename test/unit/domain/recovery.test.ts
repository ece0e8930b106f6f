import { describe, expect, it } from 'vitest';
import {
  CATCH_UP_SPREAD_MS,
  PROBE_MAX_MS,
  awaitsRecovery,
  catchUpDelayMs,
  pickProbe,
  probeCeilingMs,
  probeDelayMs,
} from '../../../src/domain/recovery';

const HOUR = 3_600_000;
const steps = (count: number, cadenceMs: number) => Array.from({ length: count }, (_, step) => Math.floor(probeCeilingMs(step, cadenceMs)));

describe('probe backoff: how long a screen waits before asking a failing API again', () => {
  it('starts at 5 s and grows ×1.3 per failed probe, up to 5 minutes for an hourly feed', () => {
    expect(steps(18, HOUR)).toEqual([
      5000, 6500, 8450, 10985, 14280, 18564, 24134, 31374, 40786, 53022, 68929, 89608, 116490, 151437, 196868, 255929, 300000, 300000,
    ]);
    expect(probeCeilingMs(50, HOUR)).toBe(PROBE_MAX_MS);
  });

  it('never waits longer than the feed’s cadence', () => {
    // The live KPIs, refreshed every minute: capped at 60 s from the eleventh step on.
    expect(steps(12, 60_000)).toEqual([5000, 6500, 8450, 10985, 14280, 18564, 24134, 31374, 40786, 53022, 60000, 60000]);
    // A feed refreshed every 2 s is never probed less often than that.
    expect(steps(3, 2_000)).toEqual([2000, 2000, 2000]);
  });

  it('draws each delay uniformly under the ceiling (full jitter), from the random it is given', () => {
    expect(probeDelayMs(0, HOUR, () => 0)).toBe(0);
    expect(probeDelayMs(0, HOUR, () => 0.5)).toBe(2500);
    expect(probeDelayMs(0, HOUR, () => 0.9999)).toBe(4999);
    expect(probeDelayMs(3, HOUR, () => 0.5)).toBe(5492);
    expect(probeDelayMs(20, HOUR, () => 0.9999)).toBe(299_970);
    expect(probeDelayMs(20, 60_000, () => 0.5)).toBe(30_000);
  });

  it('spreads the catch-up over 3 s', () => {
    expect(CATCH_UP_SPREAD_MS).toBe(3000);
    expect(catchUpDelayMs(() => 0)).toBe(0);
    expect(catchUpDelayMs(() => 0.5)).toBe(1500);
    expect(catchUpDelayMs(() => 0.9999)).toBe(2999);
  });
});

describe('which failures the probe retries', () => {
  it('retries what only time mends: the API unreachable or slow, 5xx, 408, 429, a web page or broken JSON', () => {
    for (const error of [
      { kind: 'network' },
      { kind: 'timeout' },
      { kind: 'http', status: 500 },
      { kind: 'http', status: 503 },
      { kind: 'http', status: 408 },
      { kind: 'http', status: 429 },
      { kind: 'not-json' },
      { kind: 'malformed' },
    ]) {
      expect(awaitsRecovery(error), JSON.stringify(error)).toBe(true);
    }
  });

  it('leaves to the cadence what an answer says is wrong: access, a missing feed, bad rows, an empty or oversized answer', () => {
    for (const error of [
      { kind: 'auth', status: 401 },
      { kind: 'not-found', status: 404 },
      { kind: 'http', status: 400 },
      { kind: 'http', status: 304 },
      { kind: 'schema' },
      { kind: 'rejected' },
      { kind: 'empty' },
      { kind: 'too-large' },
      { kind: 'cancelled' },
    ]) {
      expect(awaitsRecovery(error), JSON.stringify(error)).toBe(false);
    }
    expect(awaitsRecovery(null)).toBe(false);
  });
});

describe('which failing query a probe asks', () => {
  it('asks the one asked longest ago, so feeds failing each for a reason of their own take turns', () => {
    const queries = [
      { key: 'meta', lastAttemptAt: 3000 },
      { key: 'units', lastAttemptAt: 1000 },
      { key: 'indicators', lastAttemptAt: 1000 },
      { key: 'observations', lastAttemptAt: 2000 },
    ];
    expect(pickProbe(queries)?.key).toBe('units');
    expect(pickProbe([...queries, { key: 'boundaries', lastAttemptAt: null }])?.key).toBe('boundaries');
    expect(pickProbe([])).toBeUndefined();
  });
});
