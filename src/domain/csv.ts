/**
 * CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark so Excel reads Vietnamese, CRLF line ends,
 * fields quoted only when they must be, and numbers as plain numbers (a dot, no thousands separator, no
 * unit sign, the feed's full precision), so a spreadsheet computes with them whatever its locale.
 */

export type CsvCell = string | number | null | undefined;

/** U+FEFF: written first, it becomes the bytes EF BB BF in UTF-8. */
export const CSV_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

/** A number as a spreadsheet reads it: 93.73, -0.5, 0.6958; never an exponent, never a locale's comma. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // 1e+21 and up are whole numbers; 1e-7 and below: write every digit out and drop trailing zeros.
  if (Math.abs(value) >= 1e21) return BigInt(value).toString();
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * One field: numbers plain, text quoted when it holds a comma, a quote, CR or LF (quotes doubled). Text that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or CR) gets a leading apostrophe: feed strings
 * are untrusted.
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return csvNumber(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, the header row, one row per record, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return CSV_BOM + lines.map((line) => line + CSV_NEWLINE).join('');
}
