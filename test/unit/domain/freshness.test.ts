import { describe, expect, it } from 'vitest';
import { ageSeconds, durationSeconds, isTooOld } from '../../../src/domain/freshness';
import { deriveStatus, combineStatus } from '../../../src/domain/status';

describe('freshness against a feed cadence', () => {
  it('reads ISO 8601 durations used as cadences', () => {
    expect(durationSeconds('PT1M')).toBe(60);
    expect(durationSeconds('P1Y')).toBe(365 * 86400);
    expect(durationSeconds('P1DT12H')).toBe(36 * 3600);
    expect(durationSeconds('P')).toBeNull();
    expect(durationSeconds('1 minute')).toBeNull();
  });

  it('measures age from an as-of with a +07:00 offset', () => {
    const now = Date.parse('2026-11-21T02:00:00Z');
    expect(ageSeconds('2026-11-21T08:59:00+07:00', now)).toBe(60);
  });

  it('flags data older than the allowed age, and unreadable stamps, as too old', () => {
    const now = Date.parse('2026-11-21T02:00:00Z');
    expect(isTooOld('2026-11-21T08:59:00+07:00', now, 120)).toBe(false);
    expect(isTooOld('2026-11-21T08:50:00+07:00', now, 120)).toBe(true);
    expect(isTooOld('yesterday', now, 120)).toBe(true);
    expect(isTooOld(null, now, 120)).toBe(true);
  });
});

describe('panel status', () => {
  const now = Date.parse('2026-11-21T02:00:00Z');
  const fresh = '2026-11-21T08:59:30+07:00';
  const base = { requested: true, hasData: false, failed: false, asOf: null, now, maxAgeSeconds: 120 };

  it('is loading until the first data arrives', () => {
    expect(deriveStatus(base)).toBe('loading');
    expect(deriveStatus({ ...base, requested: false })).toBe('idle');
  });

  it('is ready with current data and stale with old data', () => {
    expect(deriveStatus({ ...base, hasData: true, asOf: fresh })).toBe('ready');
    expect(deriveStatus({ ...base, hasData: true, asOf: '2026-11-20T08:00:00+07:00' })).toBe('stale');
  });

  it('keeps the last good data as stale when a refresh fails, and is an error only with nothing to show', () => {
    expect(deriveStatus({ ...base, hasData: true, asOf: fresh, failed: true })).toBe('stale');
    expect(deriveStatus({ ...base, failed: true })).toBe('error');
  });

  it('shows the worst status of several feeds', () => {
    expect(combineStatus(['ready', 'stale'])).toBe('stale');
    expect(combineStatus(['ready', 'loading', 'stale'])).toBe('loading');
    expect(combineStatus(['ready', 'error'])).toBe('error');
    expect(combineStatus(['ready', 'ready'])).toBe('ready');
  });
});
