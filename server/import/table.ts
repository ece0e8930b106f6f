import { parseCsv } from './csv';
import { decodeUtf8 } from './encoding';
import { FILE_PLACE, problem, type ImportProblem } from './problems';
import { csvSheetName, type CellValue, type ImportFile, type Table, type TableRow } from './sheet';
import { DEFAULT_MAX_BYTES, checkSize } from './size';
import { readXlsx } from './xlsx';

export interface TableRead {
  /** Null when the file could not be read at all; then `problems` says why. */
  table: Table | null;
  problems: ImportProblem[];
}

function extension(fileName: string): string {
  const match = /\.([^.\\/]+)$/.exec(fileName);
  return match ? (match[1] as string).toLowerCase() : '';
}

function refused(p: ImportProblem): TableRead {
  return { table: null, problems: [p] };
}

export interface ReadOptions {
  /** Files larger than this are refused before they are parsed (default `DEFAULT_MAX_BYTES`). */
  maxBytes?: number | undefined;
  /** The XLSX sheet to read, by the name its tab shows; otherwise the first visible sheet. */
  sheet?: string | undefined;
  /** Rows allowed in one import (default `DEFAULT_MAX_ROWS`). */
  maxRows?: number | undefined;
}

/** 10 years × 3,321 communes × 7 indices fits in one file, with room: 250,000 rows. */
export const DEFAULT_MAX_ROWS = 250_000;

/**
 * A CSV or XLSX file (chosen by its extension) as a table. The size is checked first, so a file over `maxBytes`
 * is never parsed. A CSV must be UTF-8 (a byte-order mark is allowed); its delimiter is `,` or `;`, whichever
 * the header line holds more of. An XLSX is read from the sheet named, else its first visible sheet; a
 * workbook that would unpack to more than five times the size limit is refused before it is opened.
 */
export async function readTable(file: ImportFile, options: ReadOptions = {}): Promise<TableRead> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const tooLarge = checkSize(file.bytes.byteLength, maxBytes);
  if (tooLarge) return refused(tooLarge);
  if (file.bytes.byteLength === 0) {
    return refused(problem(FILE_PLACE, 'file-empty', null, { vi: 'Tệp rỗng.', en: 'The file is empty.' }));
  }
  const ext = extension(file.fileName);
  if (ext === 'csv') {
    const decoded = decodeUtf8(file.bytes);
    if ('problem' in decoded) return refused(decoded.problem);
    const name = csvSheetName(file.fileName);
    const parsed = parseCsv(decoded.text, name);
    if (parsed.records.length > maxRows) {
      return refused(
        problem(FILE_PLACE, 'too-many-rows', parsed.records.length, {
          vi: `Tệp có ${parsed.records.length} dòng, vượt giới hạn ${maxRows} dòng mỗi lần nhập.`,
          en: `The file has ${parsed.records.length} rows, over the limit of ${maxRows} rows per import.`,
        }),
      );
    }
    const rows: TableRow[] = [];
    for (const record of parsed.records) {
      const cells: CellValue[] = record.fields.map((f) => (f.trim() === '' ? null : f.trim()));
      if (cells.some((c) => c !== null)) rows.push({ row: record.row, cells });
    }
    return {
      table: { format: 'csv', delimiter: parsed.delimiter, sheets: [{ name, rows, decimalComma: parsed.delimiter === ';' }] },
      problems: parsed.problems,
    };
  }
  if (ext === 'xlsx') {
    const read = await readXlsx(file.bytes, { sheet: options.sheet, maxRows, maxUncompressedBytes: maxBytes * 5 });
    const first = read.sheets[0];
    return { table: first ? { format: 'xlsx', delimiter: null, sheets: [first] } : null, problems: read.problems };
  }
  return refused(
    problem(FILE_PLACE, 'file-type', file.fileName, {
      vi: `Tệp "${file.fileName}" không phải CSV hay XLSX. Trong Excel, hãy lưu ở dạng "CSV UTF-8 (*.csv)" hoặc "Sổ làm việc Excel (*.xlsx)".`,
      en: `The file "${file.fileName}" is neither CSV nor XLSX. In Excel, save it as "CSV UTF-8 (*.csv)" or "Excel Workbook (*.xlsx)".`,
    }),
  );
}
