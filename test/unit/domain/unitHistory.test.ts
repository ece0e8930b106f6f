import { describe, expect, it } from 'vitest';
import { componentStats, fieldChanges, mapCoverage, unitHistory } from '../../../src/domain/unitHistory';
import type { Observation } from '../../../src/domain/types';

const obs = (unit: string, period: number, value: number, level: string, extra: Partial<Observation> = {}): Observation => ({
  indicator: 'par', unit, level, period, value, rank: 1, rankOf: 9, components: {}, ...extra,
});

describe('a unit across the 2025 reform', () => {
  const crosswalk = [
    { from: '991', to: '99003', weight: 0.75 },
    { from: '992', to: '99003', weight: 0.25 },
    { from: '992', to: '99006', weight: 1 },
  ];
  const own = [obs('99003', 2025, 90, 'commune', { rank: 4, rankOf: 80 })];
  const districts = [obs('991', 2024, 80, 'district'), obs('992', 2024, 84, 'district'), obs('991', 2023, 78, 'district')];

  it('carries its predecessors\' values back as a weighted mean, marked re-mapped and without a rank', () => {
    const history = unitHistory('99003', 'par', own, districts, crosswalk);
    expect(history).toEqual([
      { period: 2023, value: 78, rank: null, rankOf: null, level: 'district', remapped: true },
      { period: 2024, value: 81, rank: null, rankOf: null, level: 'district', remapped: true },
      { period: 2025, value: 90, rank: 4, rankOf: 80, level: 'commune', remapped: false },
    ]);
  });

  it('says where the field a rank is counted in changed', () => {
    expect(
      fieldChanges([
        { rankOf: 9, level: 'district' },
        { rankOf: 9, level: 'district' },
        { rankOf: 80, level: 'commune' },
      ]),
    ).toEqual([false, false, true]);
    expect(fieldChanges([{ rankOf: 63, level: 'province' }, { rankOf: 34, level: 'province' }])).toEqual([false, true]);
  });
});

describe('component statistics of a level', () => {
  it('gives the province average of each component and the best unit\'s components', () => {
    const rows = [
      obs('a', 2025, 90, 'commune', { rank: 2, components: { x: 8, y: 6 } }),
      obs('b', 2025, 95, 'commune', { rank: 1, components: { x: 10, y: 4 } }),
    ];
    const stats = componentStats(rows);
    expect([...stats.average]).toEqual([
      ['x', 9],
      ['y', 5],
    ]);
    expect(stats.best?.unit).toBe('b');
    expect(stats.best?.components.get('x')).toBe(10);
  });
});

describe('map coverage', () => {
  it('lists units without an outline and outlines without a unit', () => {
    expect(mapCoverage(['a', 'b', 'c'], ['b', 'c', 'z'])).toEqual({ missingShapes: ['a'], orphanShapes: ['z'] });
  });
});
