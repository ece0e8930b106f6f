import { describe, expect, it } from 'vitest';
import { predecessorsOf, remapToNewUnits, successorsOf, type CrosswalkEdge } from '../../../src/domain/crosswalk';

/**
 * Two districts before the reform, three communes after:
 * - 99003 was formed from both districts, 60 % of it from 991 and 40 % from 992;
 * - 99006 is all of one part of 991;
 * - 99009 is all of one part of 992.
 */
const crosswalk: CrosswalkEdge[] = [
  { from: '991', to: '99003', weight: 0.6 },
  { from: '992', to: '99003', weight: 0.4 },
  { from: '991', to: '99006', weight: 1 },
  { from: '992', to: '99009', weight: 1 },
];

describe('carrying old units’ values onto the new units', () => {
  it('gives a commune formed from two districts the weighted mean of their values, fully covered', () => {
    const remapped = remapToNewUnits(new Map([['991', 70], ['992', 80]]), crosswalk);
    expect(remapped.get('99003')?.value).toBeCloseTo(0.6 * 70 + 0.4 * 80);
    expect(remapped.get('99003')?.coverage).toBeCloseTo(1);
    expect(remapped.get('99006')).toEqual({ value: 70, coverage: 1 });
    expect(remapped.get('99009')).toEqual({ value: 80, coverage: 1 });
  });

  it('gives a commune whose predecessor has no value the mean of what exists, with coverage below 1', () => {
    const remapped = remapToNewUnits(new Map([['991', 70]]), crosswalk);
    expect(remapped.get('99003')).toEqual({ value: 70, coverage: 0.6 });
    expect(remapped.get('99006')).toEqual({ value: 70, coverage: 1 });
  });

  it('leaves out a new unit none of whose predecessors has a value', () => {
    const remapped = remapToNewUnits(new Map([['991', 70]]), crosswalk);
    expect(remapped.has('99009')).toBe(false);
    expect([...remapped.keys()].sort()).toEqual(['99003', '99006']);
  });

  it('treats a value that is not a number as missing', () => {
    const remapped = remapToNewUnits(new Map([['991', Number.NaN], ['992', 80]]), crosswalk);
    expect(remapped.get('99003')).toEqual({ value: 80, coverage: 0.4 });
    expect(remapped.has('99006')).toBe(false);
  });

  it('ignores values of units that are not in the crosswalk, and gives nothing for an empty one', () => {
    expect(remapToNewUnits(new Map([['99', 55]]), crosswalk).size).toBe(0);
    expect(remapToNewUnits(new Map([['991', 70]]), []).size).toBe(0);
  });

  it('never reports a coverage above 1 when the weights add up to slightly more in floating point', () => {
    const thirds: CrosswalkEdge[] = [
      { from: 'a', to: 'x', weight: 0.1 },
      { from: 'b', to: 'x', weight: 0.2 },
      { from: 'c', to: 'x', weight: 0.7 },
    ];
    const remapped = remapToNewUnits(new Map([['a', 10], ['b', 20], ['c', 30]]), thirds);
    expect(remapped.get('x')?.coverage).toBeLessThanOrEqual(1);
    expect(remapped.get('x')?.coverage).toBeCloseTo(1);
    expect(remapped.get('x')?.value).toBeCloseTo(0.1 * 10 + 0.2 * 20 + 0.7 * 30);
  });

  it('skips an edge of weight 0: it contributes nothing and covers nothing', () => {
    const remapped = remapToNewUnits(new Map([['a', 10]]), [{ from: 'a', to: 'x', weight: 0 }]);
    expect(remapped.has('x')).toBe(false);
  });
});

describe('neighbours across the crosswalk', () => {
  it('lists a commune’s predecessors, largest share first', () => {
    expect(predecessorsOf('99003', crosswalk)).toEqual([
      { code: '991', weight: 0.6 },
      { code: '992', weight: 0.4 },
    ]);
    expect(predecessorsOf('99006', crosswalk)).toEqual([{ code: '991', weight: 1 }]);
  });

  it('lists a district’s successors, largest weight first', () => {
    expect(successorsOf('991', crosswalk)).toEqual([
      { code: '99006', weight: 1 },
      { code: '99003', weight: 0.6 },
    ]);
  });

  it('orders equal weights by code, whatever the order of the feed', () => {
    const even: CrosswalkEdge[] = [
      { from: 'b', to: 'x', weight: 0.5 },
      { from: 'a', to: 'x', weight: 0.5 },
    ];
    expect(predecessorsOf('x', even).map((link) => link.code)).toEqual(['a', 'b']);
    expect(predecessorsOf('x', [...even].reverse()).map((link) => link.code)).toEqual(['a', 'b']);
  });

  it('gives an empty list for a unit the crosswalk does not know', () => {
    expect(successorsOf('99003', crosswalk)).toEqual([]);
    expect(predecessorsOf('991', crosswalk)).toEqual([]);
  });
});
