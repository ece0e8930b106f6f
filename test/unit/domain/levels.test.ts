import { describe, expect, it } from 'vitest';
import { subLevelForPeriod, unitsOfLevel } from '../../../src/domain/levels';
import { componentScores } from '../../../src/domain/components';
import type { Level, Unit } from '../../../src/contract';

const levels: Level[] = [
  { id: 'province', name: 'Tỉnh', depth: 0, validFrom: null, validTo: null },
  { id: 'district', name: 'Cấp huyện', depth: 1, validFrom: null, validTo: '2025-06-30' },
  { id: 'commune', name: 'Cấp xã', depth: 1, validFrom: '2025-07-01', validTo: null },
];

describe('levels across the 2025 reform', () => {
  it('drills to districts up to 2024 and to communes from 2025, from the data', () => {
    expect(subLevelForPeriod(levels, 2024)?.id).toBe('district');
    expect(subLevelForPeriod(levels, 2025)?.id).toBe('commune');
    expect(subLevelForPeriod(levels, 2016)?.id).toBe('district');
  });

  it('lists the units that existed at the end of a year', () => {
    const units: Unit[] = [
      { code: '991', name: 'Huyện A', level: 'district', parent: '99', validFrom: null, validTo: '2025-06-30' },
      { code: '99001', name: 'Xã B', level: 'commune', parent: '99', validFrom: '2025-07-01', validTo: null },
    ];
    expect(unitsOfLevel(units, 'district', 2024).map((u) => u.code)).toEqual(['991']);
    expect(unitsOfLevel(units, 'district', 2025)).toEqual([]);
    expect(unitsOfLevel(units, 'commune', 2025).map((u) => u.code)).toEqual(['99001']);
  });
});

describe('component scores', () => {
  it('puts each component against its maximum and skips components not valid that year', () => {
    const indicator = {
      components: [
        { id: 'a', name: 'A', max: 10 },
        { id: 'b', name: 'B', max: 20 },
        { id: 'c', name: 'C', max: 10, validFrom: 2018 },
      ],
    };
    const scores = componentScores({ period: 2017, components: { a: 5, b: 15, c: 3 } }, indicator, (c) => c.name);
    expect(scores).toEqual([
      { id: 'a', name: 'A', value: 5, max: 10, share: 0.5 },
      { id: 'b', name: 'B', value: 15, max: 20, share: 0.75 },
    ]);
  });
});
