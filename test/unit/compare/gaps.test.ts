import { describe, expect, it } from 'vitest';
import { classifySelection, levelStats, pointsToNextRank, unitGaps, yearOfUnit } from '../../../src/domain/compare';
import type { Level, Unit } from '../../../src/domain/types';

describe('gaps of a unit in one index and year', () => {
  const values = [95, 90, 90, 88.5, 80];

  it('measures the distance to the best unit, the province average and the province target', () => {
    expect(unitGaps({ value: 88.5, values, target: 90, direction: 'higher-is-better', decimals: 2 })).toEqual({
      toBest: -6.5,
      toAverage: -0.2,
      toTarget: -1.5,
      toNextRank: 1.5,
    });
  });

  it('rounds away binary noise: 93.73 − 90 is 3.73', () => {
    expect(unitGaps({ value: 93.73, values: [93.73], target: 90, direction: 'higher-is-better', decimals: 2 }).toTarget).toBe(3.73);
  });

  it('gives the best unit 0 to the best and 0 points to climb', () => {
    expect(unitGaps({ value: 95, values, target: 90, direction: 'higher-is-better', decimals: 2 })).toMatchObject({ toBest: 0, toNextRank: 0, toTarget: 5 });
  });

  it('lets tied units share a rank: the next rank is the next strictly better value', () => {
    expect(pointsToNextRank(90, values, 'higher-is-better')).toBe(5);
    expect(pointsToNextRank(80, values, 'higher-is-better')).toBe(8.5);
    expect(pointsToNextRank(95, [95, 95, 90], 'higher-is-better')).toBe(0);
  });

  it('turns around when lower is better', () => {
    expect(levelStats([3, 1, 2], 'lower-is-better')).toEqual({ best: 1, average: 2 });
    expect(pointsToNextRank(3, [3, 1, 2], 'lower-is-better')).toBe(1);
  });

  it('has no gaps for a unit without a value, and no target gap without a target', () => {
    expect(unitGaps({ value: null, values, target: 90, direction: 'higher-is-better', decimals: 2 })).toEqual({ toBest: null, toAverage: null, toTarget: null, toNextRank: null });
    expect(unitGaps({ value: 90, values, target: null, direction: 'higher-is-better', decimals: 2 }).toTarget).toBeNull();
    expect(levelStats([], 'higher-is-better')).toEqual({ best: null, average: null });
  });
});

describe('which codes of the URL are compared', () => {
  const levels: Level[] = [
    { id: 'province', name: 'Tỉnh', depth: 0, validFrom: null, validTo: null },
    { id: 'district', name: 'Cấp huyện', depth: 1, validFrom: null, validTo: '2025-06-30' },
    { id: 'commune', name: 'Cấp xã', depth: 1, validFrom: '2025-07-01', validTo: null },
  ];
  const unit = (code: string, level: string, validFrom: string | null, validTo: string | null): Unit => ({ code, name: code, level, parent: '99', validFrom, validTo });
  const units = [unit('99', 'province', null, null), unit('991', 'district', null, '2025-06-30'), ...['1', '2', '3', '4', '5', '6', '7'].map((c) => unit(`c${c}`, 'commune', '2025-07-01', null))];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const inForce = new Set(units.filter((u) => u.level === 'commune').map((u) => u.code));

  it('compares at most six units of the level in force and lists the rest, never dropping one silently', () => {
    const s = classifySelection(['c1', 'c2', '991', 'c3', 'c4', 'c5', 'c6', 'c7', 'c1', 'nope', '99'], { inForce, byCode, levels, first: 2016, last: 2025 });
    expect(s.compared).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(s.extra).toEqual(['c7']);
    expect(s.setAside.map((x) => [x.code, x.year])).toEqual([
      ['991', 2024],
      ['nope', null],
      ['99', null],
    ]);
  });

  it('finds the last year a unit\'s level was in force', () => {
    expect(yearOfUnit(byCode.get('991')!, levels, 2016, 2025)).toBe(2024);
    expect(yearOfUnit(byCode.get('c1')!, levels, 2016, 2025)).toBe(2025);
  });
});
