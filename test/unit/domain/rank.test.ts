import { describe, expect, it } from 'vitest';
import { rankWithTies } from '../../../src/domain/rank';

describe('competition ranks', () => {
  it('gives tied values the same rank and skips the next', () => {
    expect(rankWithTies([90, 85.5, 85.5, 80])).toEqual([1, 2, 2, 4]);
  });

  it('compares at the published precision, so 85.501 and 85.499 tie at two decimals', () => {
    expect(rankWithTies([85.501, 85.499, 70], 'higher-is-better', 2)).toEqual([1, 1, 3]);
  });

  it('ranks lower values first when lower is better', () => {
    expect(rankWithTies([3, 1, 2], 'lower-is-better')).toEqual([3, 1, 2]);
  });

  it('keeps the input order of the results', () => {
    expect(rankWithTies([10, 30, 20])).toEqual([3, 1, 2]);
  });
});
