// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { parseImport } from '../../../../server/import';
import { context, utf8, xlsx } from './fixtures';

/** How a results file is read: encodings, separators, quotes, decimal commas, XLSX cells and the size limit. */

const run = (bytes: Uint8Array, fileName = 'pci-2024.csv', maxBytes?: number) =>
  parseImport({ bytes, fileName, kind: 'results', context, ...(maxBytes === undefined ? {} : { maxBytes }) });

describe('a CSV file', () => {
  const text = 'Chỉ số,Năm,Mã đơn vị,Điểm\r\nPCI,2024,244,61.5\r\nPCI,2024,245,70\r\n';

  test('reads the same rows with and without a UTF-8 byte-order mark', async () => {
    const plain = await run(utf8(text));
    const marked = await run(utf8(text, true));
    expect(plain.problems).toEqual([]);
    expect(marked.problems).toEqual([]);
    expect(marked.rows).toEqual(plain.rows);
    expect(plain.rows.map((r) => [r.unit, r.value])).toEqual([
      ['244', 61.5],
      ['245', 70],
    ]);
  });

  test('is read the same whether separated by commas or semicolons, with LF or CRLF', async () => {
    const semicolons = await run(utf8('Chỉ số;Năm;Mã đơn vị;Điểm\nPCI;2024;244;61.5\nPCI;2024;245;70\n'));
    const commas = await run(utf8(text));
    expect(semicolons.problems).toEqual([]);
    expect(semicolons.rows).toEqual(commas.rows);
  });

  test('accepts a Vietnamese decimal comma in a semicolon-separated file', async () => {
    const { rows, problems } = await run(utf8('Chỉ số;Năm;Mã đơn vị;Điểm\nPCI;2024;244;61,5\n'));
    expect(problems).toEqual([]);
    expect(rows[0]?.value).toBe(61.5);
  });

  test('refuses "61,5" in a comma-separated file as not a number, at its cell', async () => {
    const { rows, problems } = await run(utf8('Chỉ số,Năm,Mã đơn vị,Điểm\nPCI,2024,244,"61,5"\n'));
    expect(rows).toEqual([]);
    expect(problems).toMatchObject([{ sheet: 'pci-2024', row: 2, column: 'D', value: '61,5', code: 'not-a-number' }]);
  });

  test('keeps a quoted line break inside its field and its row, so later rows keep their Excel numbers', async () => {
    // A header wrapped with Alt+Enter in Excel is saved as a quoted field with a line break.
    const file = 'Chỉ số,Năm,"Mã\r\nđơn vị","Điểm, tổng"\r\nPCI,2024,244,61.5\r\nPCI,2024,999,70\r\n';
    const { rows, problems } = await run(utf8(file.replace('"Điểm, tổng"', 'Điểm')));
    expect(rows.map((r) => r.unit)).toEqual(['244']);
    expect(problems).toMatchObject([{ sheet: 'pci-2024', row: 3, column: 'C', value: '999', code: 'unit-unknown' }]);
    // A quoted comma stays in its field too: "Điểm, tổng" is one header (not a known one), not two.
    const quotedComma = await run(utf8(file));
    expect(quotedComma.problems.find((p) => p.row === 1 && p.column === 'D')).toMatchObject({ value: 'Điểm, tổng' });
  });

  test('saved as Windows-1258 is refused with one problem saying to save it as CSV UTF-8', async () => {
    // "Chỉ số" in Windows-1258: C h i + combining hook above (0xD2), s o + combining acute (0xEC).
    const bytes = new Uint8Array([0x43, 0x68, 0x69, 0xd2, 0x20, 0x73, 0x6f, 0xec, 0x2c, 0x4e, 0x0a, 0x50, 0x43, 0x49, 0x0a]);
    const { rows, problems } = await run(bytes);
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: null, row: null, column: null, code: 'encoding' });
    expect(problems[0]?.message.en).toContain('Windows-1258');
    expect(problems[0]?.message.en).toContain('CSV UTF-8');
    expect(problems[0]?.message.vi).toContain('CSV UTF-8');
  });
});

describe('the size limit', () => {
  test('refuses a file over the limit before reading it, naming the limit', async () => {
    const bytes = utf8('Chỉ số,Năm,Mã đơn vị,Điểm\n' + 'PCI,2024,244,61.5\n'.repeat(100));
    const { rows, problems } = await run(bytes, 'pci.csv', 1000);
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'file-too-large', value: bytes.byteLength });
    expect(problems[0]?.message.en).toContain('1000 bytes');
    expect(problems[0]?.message.vi).toContain('1000 byte');
  });

  test('is 20 MB unless told otherwise', async () => {
    const { problems } = await run(new Uint8Array(20 * 1024 * 1024 + 1), 'big.xlsx');
    expect(problems).toMatchObject([{ code: 'file-too-large' }]);
    expect(problems[0]?.message.en).toContain('limit of 20 MB');
  });
});

describe('an XLSX file', () => {
  test('is read from its first sheet, numbers and text cells with a decimal comma alike', async () => {
    const bytes = await xlsx('Kết quả', [
      ['Chỉ số', 'Năm', 'Mã đơn vị', 'Điểm'],
      ['PCI', 2024, '244', 61.5],
      ['PCI', 2024, 245, '70,25'],
    ]);
    const { rows, problems } = await run(bytes, 'pci.xlsx');
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.unit, r.value])).toEqual([
      ['244', 61.5],
      ['245', 70.25],
    ]);
  });

  test('refuses a formula cell where it is, once, asking for values', async () => {
    const bytes = await xlsx('Kết quả', [
      ['indicator', 'year', 'unit', 'score'],
      ['PCI', 2024, '244', 61.5],
      ['PCI', 2024, '245', { formula: 'B2/40', result: 50.6 }],
    ]);
    const { rows, problems } = await run(bytes, 'PCI.XLSX');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: 'Kết quả', row: 3, column: 'D', value: '=B2/40', code: 'formula' });
    expect(problems[0]?.message.en).toContain('cell D3 holds a formula');
    expect(problems[0]?.message.en).toContain('paste values');
    expect(rows.map((r) => r.unit)).toEqual(['244']);
  });

  test('that is not a workbook is refused as unreadable', async () => {
    const { problems } = await run(utf8('not a zip'), 'pci.xlsx');
    expect(problems).toMatchObject([{ code: 'xlsx-unreadable' }]);
  });
});

test('a file that is neither CSV nor XLSX is refused by its name', async () => {
  const { problems } = await run(utf8('x'), 'pci.xls');
  expect(problems).toMatchObject([{ code: 'file-type', value: 'pci.xls' }]);
});
