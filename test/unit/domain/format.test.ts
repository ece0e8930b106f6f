import { describe, expect, it } from 'vitest';
import { formatDateTime, formatPercent, formatValue } from '../../../src/domain/format';
import { toVnIso, vnDay, vnMinuteOfDay } from '../../../src/domain/time';

describe('numbers and dates as readers expect them', () => {
  it('writes Vietnamese decimals with a comma and English with a point', () => {
    const scale = { unit: 'points' as const, decimals: 2 };
    expect(formatValue(86.98, scale, 'vi')).toBe('86,98');
    expect(formatValue(86.98, scale, 'en')).toBe('86.98');
  });

  it('adds a percent sign to percentages and keeps the index precision for 0–1 indices', () => {
    expect(formatPercent(97.25, 'vi')).toMatch(/^97,3\u00a0%$/);
    expect(formatValue(0.696, { unit: 'ratio', decimals: 4 }, 'en')).toBe('0.6960');
  });

  it('shows a dash for a missing or non-finite value instead of NaN', () => {
    expect(formatValue(null, { unit: 'points', decimals: 2 }, 'vi')).toBe('—');
    expect(formatValue(Number.NaN, { unit: 'points', decimals: 2 }, 'vi')).toBe('—');
  });

  it('shows times in Vietnam whatever the device zone', () => {
    expect(formatDateTime('2026-11-21T02:30:00Z', 'vi')).toContain('09:30');
    expect(formatDateTime('2026-11-21T02:30:00Z', 'en', false)).toBe('09:30');
  });

  it('stamps instants in +07:00 and knows the Vietnamese day', () => {
    const instant = new Date('2026-11-21T18:05:09Z');
    expect(toVnIso(instant)).toBe('2026-11-22T01:05:09+07:00');
    expect(vnDay(instant)).toBe('2026-11-22');
    expect(vnMinuteOfDay(instant)).toBe(65);
  });
});
