import { describe, expect, it } from 'vitest';
import type { CrosswalkEdge } from '../../../src/domain/crosswalk';
import { movers } from '../../../src/domain/movers';
import type { Observation } from '../../../src/domain/types';

function obs(unit: string, level: string, period: number, value: number, rank: number | null = null, rankOf: number | null = null): Observation {
  return { indicator: 'par', unit, level, period, value, rank, rankOf, components: {} };
}

const higher = { direction: 'higher-is-better', count: 5 } as const;

describe('biggest movers between two years at the same level', () => {
  const previous = [obs('991', 'district', 2023, 80, 2, 4), obs('992', 'district', 2023, 70, 4, 4), obs('993', 'district', 2023, 75, 3, 4), obs('994', 'district', 2023, 85, 1, 4)];
  const current = [obs('991', 'district', 2024, 78, 3, 4), obs('992', 'district', 2024, 79, 2, 4), obs('993', 'district', 2024, 76, 4, 4), obs('994', 'district', 2024, 86, 1, 4)];

  it('compares each unit with itself: improvements up, largest first; declines down, largest first', () => {
    const { up, down } = movers(current, previous, [], higher);
    expect(up.map((m) => [m.unit, m.change])).toEqual([
      ['992', 9],
      ['993', 1],
      ['994', 1],
    ]);
    expect(down.map((m) => [m.unit, m.change])).toEqual([['991', -2]]);
  });

  it('gives the values of both years, the places gained or lost, and no re-mapping mark', () => {
    const { up, down } = movers(current, previous, [], higher);
    expect(up[0]).toEqual({ unit: '992', value: 79, previousValue: 70, change: 9, rankChange: 2, remapped: false });
    expect(up.find((m) => m.unit === '993')?.rankChange).toBe(-1);
    expect(down[0]).toEqual({ unit: '991', value: 78, previousValue: 80, change: -2, rankChange: -1, remapped: false });
  });

  it('counts a fall as an improvement when lower is better', () => {
    const { up, down } = movers(current, previous, [], { direction: 'lower-is-better', count: 5 });
    expect(up.map((m) => [m.unit, m.change])).toEqual([['991', 2]]);
    expect(down.map((m) => [m.unit, m.change])).toEqual([
      ['992', -9],
      ['993', -1],
      ['994', -1],
    ]);
  });

  it('lists at most `count` units each way', () => {
    const { up, down } = movers(current, previous, [], { direction: 'higher-is-better', count: 2 });
    expect(up.map((m) => m.unit)).toEqual(['992', '993']);
    expect(down.map((m) => m.unit)).toEqual(['991']);
    expect(movers(current, previous, [], { direction: 'higher-is-better', count: 0 })).toEqual({ up: [], down: [] });
  });

  it('orders equal changes by unit code, whatever the order of the input', () => {
    const forward = movers(current, previous, [], higher);
    const backward = movers([...current].reverse(), [...previous].reverse(), [], higher);
    expect(backward).toEqual(forward);
    expect(forward.up.slice(1).map((m) => m.unit)).toEqual(['993', '994']);
  });

  it('treats changes equal up to floating-point noise as ties', () => {
    const { up } = movers([obs('b', 'district', 2024, 0.3), obs('a', 'district', 2024, 1.2)], [obs('b', 'district', 2023, 0.1 + 0.1), obs('a', 'district', 2023, 1.1)], [], higher);
    expect(up.map((m) => m.unit)).toEqual(['a', 'b']);
    expect(up.map((m) => m.change)).toEqual([0.1, 0.1]);
  });

  it('leaves out units with no previous value and units that did not move', () => {
    const { up, down } = movers([...current, obs('995', 'district', 2024, 90)], previous.filter((o) => o.unit !== '992'), [], higher);
    expect([...up, ...down].map((m) => m.unit).sort()).toEqual(['991', '993', '994']);
    const still = movers([obs('991', 'district', 2024, 80)], [obs('991', 'district', 2023, 80)], [], higher);
    expect(still).toEqual({ up: [], down: [] });
  });

  it('gives no rank change when a year has no rank, or the ranks are among fields of different size', () => {
    const { up } = movers([obs('a', 'district', 2024, 60, 3, 10), obs('b', 'district', 2024, 60, null, null)], [obs('a', 'district', 2023, 50, 5, 9), obs('b', 'district', 2023, 50, 2, 9)], [], higher);
    expect(up.map((m) => m.rankChange)).toEqual([null, null]);
  });

  it('marks a comparison whose value was already re-mapped by the feed, without a rank change', () => {
    const carried = { ...obs('99003', 'commune', 2024, 70, 2, 9), remapped: true };
    const { up } = movers([obs('99003', 'commune', 2025, 75, 1, 9)], [carried], [], higher);
    expect(up).toEqual([{ unit: '99003', value: 75, previousValue: 70, change: 5, rankChange: null, remapped: true }]);
  });
});

describe('biggest movers across the 2025 reform (districts before, communes after)', () => {
  const crosswalk: CrosswalkEdge[] = [
    { from: '991', to: '99003', weight: 0.6 },
    { from: '992', to: '99003', weight: 0.4 },
    { from: '991', to: '99006', weight: 1 },
    { from: '992', to: '99009', weight: 1 },
    { from: '993', to: '99012', weight: 1 },
  ];
  const previous = [obs('991', 'district', 2024, 70, 2, 3), obs('992', 'district', 2024, 80, 1, 3)];
  const current = [obs('99003', 'commune', 2025, 80, 1, 80), obs('99006', 'commune', 2025, 65, 3, 80), obs('99009', 'commune', 2025, 78, 2, 80), obs('99012', 'commune', 2025, 90, 1, 80)];

  it('compares a commune formed from two districts with their weighted mean, marked as re-mapped, with no rank change', () => {
    const { up } = movers(current, previous, crosswalk, higher);
    expect(up).toHaveLength(1);
    expect(up[0]?.unit).toBe('99003');
    expect(up[0]?.previousValue).toBeCloseTo(74);
    expect(up[0]?.change).toBeCloseTo(6);
    expect(up[0]).toMatchObject({ value: 80, rankChange: null, remapped: true });
  });

  it('lists declines of communes against their district, largest first', () => {
    const { down } = movers(current, previous, crosswalk, higher);
    expect(down.map((m) => [m.unit, m.previousValue, m.change, m.rankChange, m.remapped])).toEqual([
      ['99006', 70, -5, null, true],
      ['99009', 80, -2, null, true],
    ]);
  });

  it('still compares a commune when only some of its predecessors have a value, with what exists', () => {
    const { up } = movers(current, previous.filter((o) => o.unit === '991'), crosswalk, higher);
    expect(up.map((m) => [m.unit, m.previousValue, m.change])).toEqual([['99003', 70, 10]]);
  });

  it('leaves out a commune none of whose predecessors has a value', () => {
    const { up, down } = movers(current, previous, crosswalk, higher);
    expect([...up, ...down].map((m) => m.unit)).not.toContain('99012');
  });

  it('counts re-mapped changes the other way when lower is better', () => {
    const { up, down } = movers(current, previous, crosswalk, { direction: 'lower-is-better', count: 1 });
    expect(up.map((m) => m.unit)).toEqual(['99006']);
    expect(down.map((m) => m.unit)).toEqual(['99003']);
  });

  it('compares the province with itself while its communes are re-mapped', () => {
    const { up } = movers([...current, obs('99', 'province', 2025, 60, 10, 34)], [...previous, obs('99', 'province', 2024, 55, 30, 63)], crosswalk, higher);
    expect(up.find((m) => m.unit === '99')).toEqual({ unit: '99', value: 60, previousValue: 55, change: 5, rankChange: null, remapped: false });
  });
});
