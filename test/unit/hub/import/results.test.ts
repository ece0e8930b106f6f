// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { parseImport } from '../../../../server/import';
import { context, utf8 } from './fixtures';

/** What a results file becomes: observation rows, ranks, and the problems a user is shown with their cells. */

const csv = (text: string) => parseImport({ bytes: utf8(text), fileName: 'ket-qua.csv', kind: 'results', context });

describe('results rows', () => {
  test('become observations with level, components and ranks, from English headers as from Vietnamese ones', async () => {
    const { rows, problems } = await csv('indicator,year,unit,score,rank,entry,land\nPCI,2024,26,68.2,12,7.5,6\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { indicator: 'PCI', unit: '26', level: 'province', period: 2024, value: 68.2, rank: 12, components: { entry: 7.5, land: 6 } },
    ]);
    const vietnamese = await csv('Chỉ số,Năm,Mã đơn vị,Điểm,Thứ hạng,entry,land\nPCI,2024,26,68.2,12,7.5,6\n');
    expect(vietnamese).toEqual({ rows, problems: [] });
  });

  test('without a rank column are ranked within indicator, year and level, ties taken from the unrounded scores; the province\'s national rank is not made up', async () => {
    const { rows, problems } = await csv(
      'Chỉ số;Năm;Mã đơn vị;Điểm\nPCI;2024;244;61,2\nPCI;2024;245;61,24\nPCI;2024;246;58\nPCI;2024;247;58\nPCI;2024;26;70\nPCI;2023;244;50\n',
    );
    expect(problems).toEqual([]);
    const ranks = rows.map((r) => [r.period, r.unit, r.rank, r.rankOf]);
    expect(ranks).toEqual([
      [2024, '244', 2, 4],
      [2024, '245', 1, 4],
      [2024, '246', 3, 4],
      [2024, '247', 3, 4],
      [2024, '26', undefined, undefined],
      [2023, '244', 1, 1],
    ]);
  });

  test('of a lower-is-better index rank the lowest score first', async () => {
    const { rows } = await csv('indicator,year,unit,score\nCOST,2024,244,3.5\nCOST,2024,245,2.1\nCOST,2024,246,3.5\n');
    expect(rows.map((r) => [r.unit, r.rank])).toEqual([
      ['244', 2],
      ['245', 1],
      ['246', 2],
    ]);
  });
});

describe('results problems', () => {
  test('a missing required column is named, with the headers that were found', async () => {
    const { rows, problems } = await csv('Chỉ số,Năm,Điểm\nPCI,2024,61.5\n');
    expect(rows).toEqual([]);
    expect(problems).toMatchObject([{ sheet: 'ket-qua', row: 1, column: null, code: 'column-missing' }]);
    expect(problems[0]?.message.en).toContain('"unit"');
    expect(problems[0]?.message.en).toContain('"Chỉ số", "Năm", "Điểm"');
    expect(problems[0]?.message.vi).toContain('Mã đơn vị');
  });

  test('an unknown unit, indicator, bad year and a score above the scale are each shown at their cell', async () => {
    const { rows, problems } = await csv(
      'indicator,year,unit,score\nPCI,2024,999,61\nPCX,2024,244,61\nPCI,2024.5,244,61\nPCI,1989,244,61\nPCI,2024,245,100.5\nPCI,2024,246,61\n',
    );
    expect(problems.map((p) => [p.row, p.column, p.value, p.code])).toEqual([
      [2, 'C', '999', 'unit-unknown'],
      [3, 'A', 'PCX', 'indicator-unknown'],
      [4, 'B', '2024.5', 'not-a-whole-number'],
      [5, 'B', 1989, 'year-range'],
      [6, 'D', 100.5, 'out-of-scale'],
    ]);
    expect(problems[4]?.message.en).toBe('Cell D6: the score 100.5 is outside the 0–100 scale of PCI.');
    expect(rows.map((r) => r.unit)).toEqual(['246']);
  });

  test('a component the indicator does not have is refused at its cell', async () => {
    const { problems } = await csv('indicator,year,unit,score,entry,bogus\nCOST,2024,244,3,1,\nPCI,2024,245,61,,2\n');
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [1, 'F', 'component-unknown'],
      [2, 'E', 'component-unknown'],
    ]);
  });

  test('a duplicate indicator, year and unit names both rows', async () => {
    const { rows, problems } = await csv('indicator,year,unit,score\nPCI,2024,244,61\nPCI,2024,245,62\nPCI,2024,244,63\n');
    expect(problems).toMatchObject([{ row: 4, column: null, code: 'duplicate-row', value: 'PCI 2024 244' }]);
    expect(problems[0]?.message.en).toContain('Rows 2 and 4');
    expect(problems[0]?.message.vi).toContain('Dòng 4 và dòng 2');
    expect(rows.map((r) => r.value)).toEqual([61, 62]);
  });

  test('a decimal comma in a comma-separated file is refused at the cell it spilled into, not read as a whole number', async () => {
    const { problems } = await csv('indicator,year,unit,score\nPCI,2024,244,61\nPCI,2024,245,58,25\n');
    expect(problems).toMatchObject([{ row: 3, column: 'E', value: '25', code: 'column-unknown' }]);
    expect(problems[0]?.message.en).toContain('Cell E3 holds "25" but column E has no header in row 1');
    expect(problems[0]?.message.en).toContain('"58.25"');
    expect(problems[0]?.message.vi).toContain('Ô E3');
  });

  test('a value under no header in a semicolon file is refused without the decimal-comma advice', async () => {
    const { problems } = await csv('indicator;year;unit;score\nPCI;2024;244;61;note\n');
    expect(problems).toMatchObject([{ row: 2, column: 'E', value: 'note', code: 'column-unknown' }]);
    expect(problems[0]?.message.en).not.toContain('decimal');
  });

  test('an empty required cell is reported as empty', async () => {
    const { problems } = await csv('indicator,year,unit,score\nPCI,2024,244,\n');
    expect(problems).toMatchObject([{ row: 2, column: 'D', value: null, code: 'required' }]);
  });

  test('ranks given for some rows of a group but not others are refused where missing', async () => {
    const { rows, problems } = await csv('indicator,year,unit,score,rank\nPCI,2024,244,61,1\nPCI,2024,245,60,\n');
    expect(problems).toMatchObject([{ row: 3, column: 'E', code: 'rank-partial' }]);
    expect(rows).toEqual([{ indicator: 'PCI', unit: '244', level: 'district', period: 2024, value: 61, rank: 1, rankOf: 2 }]);
  });
});
