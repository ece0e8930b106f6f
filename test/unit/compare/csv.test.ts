import { describe, expect, it } from 'vitest';
import { csvField, csvNumber, toCsv } from '../../../src/domain/csv';

describe('CSV for spreadsheets', () => {
  it('starts with the UTF-8 byte-order mark and ends every line with CRLF', async () => {
    const text = toCsv(['Đơn vị', 'Mã', 'PAR INDEX 2025'], [['Phường Quang Bắc', '99003', 93.73]]);
    const bytes = new Uint8Array(await new Blob([text]).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1)).toBe('Đơn vị,Mã,PAR INDEX 2025\r\nPhường Quang Bắc,99003,93.73\r\n');
    expect(new TextDecoder().decode(bytes.slice(3))).toContain('Phường Quang Bắc');
  });

  it('writes numbers plain: a dot, no thousands separator, no unit, full precision, no exponent', () => {
    expect(csvNumber(86.98)).toBe('86.98');
    expect(csvNumber(0.6958)).toBe('0.6958');
    expect(csvNumber(-4.78)).toBe('-4.78');
    expect(csvNumber(12345.5)).toBe('12345.5');
    expect(csvNumber(1e-7)).toBe('0.0000001');
    expect(csvNumber(1e21)).toBe('1000000000000000000000');
    expect(csvNumber(Number.NaN)).toBe('');
  });

  it('quotes fields with commas, quotes or line breaks as RFC 4180 says, and leaves others bare', () => {
    expect(csvField('Xây dựng, tổ chức')).toBe('"Xây dựng, tổ chức"');
    expect(csvField('Nói "có"')).toBe('"Nói ""có"""');
    expect(csvField('hai\ndòng')).toBe('"hai\ndòng"');
    expect(csvField('Hạng PAR INDEX 2025 (trong 80)')).toBe('Hạng PAR INDEX 2025 (trong 80)');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('keeps untrusted text from running as a spreadsheet formula, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-0.97)).toBe('-0.97');
  });

  it('writes an empty field for a missing value, keeping the columns aligned', () => {
    expect(toCsv(['a', 'b', 'c'], [['x', null, 1]]).slice(1)).toBe('a,b,c\r\nx,,1\r\n');
  });
});
