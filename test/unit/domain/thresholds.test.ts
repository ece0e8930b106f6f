import { describe, expect, it } from 'vitest';
import { bandOf } from '../../../src/domain/thresholds';
import { serviceBreaches } from '../../../src/domain/services';
import type { ServiceSnapshot } from '../../../src/domain/types';

const threshold = { warn: 95, alert: 90 };

describe('live KPI thresholds', () => {
  it('bands a value as ok, warning or breach', () => {
    expect(bandOf(97, threshold)).toBe('ok');
    expect(bandOf(95, threshold)).toBe('ok');
    expect(bandOf(92, threshold)).toBe('warn');
    expect(bandOf(89.9, threshold)).toBe('alert');
  });

  it('has no band without a value', () => {
    expect(bandOf(null, threshold)).toBe('unknown');
    expect(bandOf(Number.NaN, threshold)).toBe('unknown');
  });

  it('lists units in breach, the worst first, and leaves out warnings unless asked', () => {
    const snap = (unit: string, onTime: number | null, satisfaction: number): ServiceSnapshot => ({
      unit,
      level: 'commune',
      day: '2026-11-21',
      at: '2026-11-21T09:00:00+07:00',
      counts: { received: 10, resolved: 10, resolvedOnTime: 9, pending: 0, overdue: 0 },
      rates: { 'on-time': onTime, satisfaction },
    });
    const thresholds = { 'on-time': threshold, satisfaction: { warn: 90, alert: 85 } };
    const rows = [snap('A', 88, 95), snap('B', 70, 80), snap('C', 93, 95), snap('D', null, 95)];
    const breaches = serviceBreaches(rows, ['on-time', 'satisfaction'], thresholds);
    expect(breaches.map((b) => `${b.unit}:${b.kpi}`)).toEqual(['B:on-time', 'B:satisfaction', 'A:on-time']);
    expect(serviceBreaches(rows, ['on-time'], thresholds, true).map((b) => b.unit)).toContain('C');
  });
});

describe('announcing breaches on the wall', () => {
  it('announces a breach once, and again only after it has cleared', async () => {
    const { freshBreaches } = await import('../../../src/domain/services');
    let state = freshBreaches(new Set(), ['A|on-time']);
    expect(state.fresh).toEqual(['A|on-time']);
    state = freshBreaches(state.announced, ['A|on-time', 'B|satisfaction']);
    expect(state.fresh).toEqual(['B|satisfaction']);
    state = freshBreaches(state.announced, ['B|satisfaction']);
    expect(state.fresh).toEqual([]);
    state = freshBreaches(state.announced, ['A|on-time', 'B|satisfaction']);
    expect(state.fresh).toEqual(['A|on-time']);
  });
});
