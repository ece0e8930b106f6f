import { describe, expect, it } from 'vitest';
import { normaliseUnitCode, unitCodeForm } from '../../../src/domain/unitCode';

describe('unit codes as other people\'s files hold them', () => {
  it('reads text trimmed and whole numbers as their digits, and nothing else as a code', () => {
    expect(unitCodeForm(' 01234 ')).toBe('01234');
    expect(unitCodeForm(1234)).toBe('1234');
    expect(unitCodeForm(0)).toBe('0');
    for (const raw of [12.5, -3, Number.NaN, '', '   ', null, undefined, {}, [1], true, 'x'.repeat(65)]) {
      expect(unitCodeForm(raw)).toBeNull();
    }
  });

  it('restores the leading zeros a number lost, from the codes the unit table holds', () => {
    const known = new Set(['01234', '26734', 'HN-01']);
    expect(normaliseUnitCode(1234, known)).toBe('01234');
    expect(normaliseUnitCode('1234', known)).toBe('01234');
    expect(normaliseUnitCode(26734, known)).toBe('26734');
    expect(normaliseUnitCode(' HN-01 ', known)).toBe('HN-01');
  });

  it('names no unit for a code the table lacks, or one that could be two units', () => {
    expect(normaliseUnitCode(99, new Set(['01234']))).toBeNull();
    expect(normaliseUnitCode('HN-1', new Set(['HN-01']))).toBeNull();
    expect(normaliseUnitCode(1, new Set(['01', '001']))).toBeNull();
    expect(normaliseUnitCode(1, new Set(['1', '01']))).toBe('1');
  });
});
