import { describe, expect, it } from 'vitest';
import { formatChange, formatDateTime, formatPercent, formatValue } from '../../../src/domain/format';
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

  it('signs a change in the index precision, and gives a change of percentages in points, without "%"', () => {
    expect(formatChange(6.49, { decimals: 2 }, 'vi')).toBe('+6,49');
    expect(formatChange(-0.0708, { decimals: 4 }, 'en')).toBe('−0.0708');
    expect(formatChange(0.004, { decimals: 2 }, 'vi')).toBe('±0,00');
    expect(formatChange(Number.NaN, { decimals: 2 }, 'vi')).toBe('—');
    // 92,31 % against 85,82 %: up 6,49 points, which "+6,49 %" would misstate as a relative change.
    expect(formatChange(92.31 - 85.82, { unit: 'percent', decimals: 2 } as never, 'vi')).toBe('+6,49');
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
