import { describe, expect, it } from 'vitest';
import { rankChange, rankPercentile, valueChange } from '../../../src/domain/change';

describe('rank change from last year', () => {
  it('counts places gained and lost within the same field', () => {
    expect(rankChange({ rank: 5, rankOf: 63 }, { rank: 9, rankOf: 63 })).toEqual({ kind: 'up', places: 4 });
    expect(rankChange({ rank: 12, rankOf: 63 }, { rank: 9, rankOf: 63 })).toEqual({ kind: 'down', places: 3 });
    expect(rankChange({ rank: 9, rankOf: 63 }, { rank: 9, rankOf: 63 })).toEqual({ kind: 'same' });
  });

  it('does not compare a rank among 34 provinces with one among 63', () => {
    expect(rankChange({ rank: 5, rankOf: 34 }, { rank: 12, rankOf: 63 })).toEqual({ kind: 'different-field', previousRank: 12, previousOf: 63 });
  });

  it('says nothing when a year has no rank', () => {
    expect(rankChange({ rank: 5, rankOf: 34 }, null)).toEqual({ kind: 'none' });
    expect(rankChange({ rank: null, rankOf: null }, { rank: 3, rankOf: 63 })).toEqual({ kind: 'none' });
  });

  it('places a rank in its field as a share, comparable across field sizes', () => {
    expect(rankPercentile({ rank: 1, rankOf: 34 })).toBe(0);
    expect(rankPercentile({ rank: 34, rankOf: 34 })).toBe(1);
    expect(rankPercentile({ rank: 32, rankOf: 63 })).toBeCloseTo(0.5);
  });

  it('measures a value change in the direction that is better', () => {
    expect(valueChange(88, 86, 'higher-is-better')).toBe(2);
    expect(valueChange(88, 86, 'lower-is-better')).toBe(-2);
  });
});
