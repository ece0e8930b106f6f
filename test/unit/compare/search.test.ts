import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchRank, searchUnits } from '../../../src/domain/search';

describe('folding Vietnamese for search', () => {
  it('drops diacritics and case, turns đ into d and collapses spaces', () => {
    expect(foldVietnamese('Thủ Dầu Một')).toBe('thu dau mot');
    expect(foldVietnamese('  ĐẮK   Lắk ')).toBe('dak lak');
    expect(foldVietnamese('Phường Đức Tây')).toBe('phuong duc tay');
    expect(foldVietnamese('Hòa Bình')).toBe(foldVietnamese('Hoà Bình'));
  });

  it('reads precomposed and decomposed input alike', () => {
    expect(foldVietnamese('Thu\u0309 Dâ\u0300u Mô\u0323t')).toBe('thu dau mot');
  });
});

describe('finding units by what people type', () => {
  const units = [
    { code: '74001', names: ['Phường Thủ Dầu Một', 'Thu Dau Mot Ward'] },
    { code: '66001', names: ['Xã Đắk Lắk'] },
    { code: '66002', names: ['Xã Ea Đắk'] },
    { code: '99003', names: ['Phường Quang Bắc'] },
    { code: '99004', names: ['Xã Bắc Quang'] },
    { code: '99005', names: ['Xã Hòa Bắc Sơn'] },
  ];
  const codes = (q: string) => searchUnits(q, units).map((u) => u.code);

  it('finds "Thủ Dầu Một" from "thu dau mot", and "Đắk" from "DAK"', () => {
    expect(codes('thu dau mot')).toEqual(['74001']);
    expect(codes('DAK')).toEqual(['66001', '66002']);
  });

  it('puts a match at the start of a word before one inside a word', () => {
    expect(matchRank('bac', 'phuong quang bac')).toBeLessThan(matchRank('uang', 'phuong quang bac') ?? Infinity);
    // "bac": starts a word in all three; "Xã Bắc Quang" matches earliest, then by position.
    expect(codes('bac')).toEqual(['99004', '99005', '99003']);
  });

  it('ranks a whole-name prefix first, then word prefixes, then all words in any order, then substrings', () => {
    expect(codes('xa bac')).toEqual(['99004', '99005']);
    expect(codes('bac quang')).toEqual(['99004', '99003']);
    expect(codes('ak')).toEqual(['66001', '66002']);
  });

  it('finds a unit by its code or its English name, and nothing for an empty query', () => {
    expect(codes('9900')).toEqual(['99003', '99004', '99005']);
    expect(codes('ward')).toEqual(['74001']);
    expect(codes('   ')).toEqual([]);
  });
});
