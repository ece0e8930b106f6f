/**
 * Spreadsheet imports, the parsing half: a file's bytes in, contract-shaped rows and located problems out.
 * Pure: no database, no HTTP, no clock.
 *
 *   const { rows, problems } = await parseImport({ bytes, fileName: 'pci-2024.xlsx', kind: 'results', context });
 *
 * - `bytes`, `fileName`: the upload; the extension (.csv or .xlsx, any case) chooses the reader.
 * - `kind`: what the file holds. `'results'`: annual index results, one row per indicator, year and unit
 *   (columns Chỉ số/indicator, Năm/year, Mã đơn vị/unit, Điểm/score, optional Thứ hạng/rank, optional one
 *   column per component id), giving `ObservationRow`s (src/contract/observations.ts).
 * - `context`: the catalogue indicators (scale, direction, components, levels) and the known units with levels.
 * - `maxBytes`: files larger than this (default 20 MB, `DEFAULT_MAX_BYTES`) are refused before they are parsed.
 *
 * Each problem is `{ sheet, row, column, value, code, message: { vi, en } }`, located as Excel shows the file
 * (the header is row 1; a CSV's sheet is its file name without the extension). `rows` holds only the rows that
 * passed every check: a caller that stores all or nothing stores `rows` only when `problems` is empty.
 *
 * Reading: a CSV must be UTF-8 (with or without a byte-order mark), separated by `,` or `;` (whichever the
 * header line holds more of), quoted as RFC 4180, lines ended by CRLF or LF; any other encoding is refused
 * with one problem saying how to save it as "CSV UTF-8" from Excel. An XLSX is read from the sheet named by `sheet`, else its first visible sheet;
 * formula and error cells are refused where they are. A decimal comma ("61,5") is read as 61.5 in a
 * `;`-separated CSV and in XLSX text cells.
 */
import type { ObservationRow } from '../../src/contract/observations';
import { parseResults, type ResultsContext } from './kinds/results';
import type { ImportProblem } from './problems';
import { readTable } from './table';

export { DEFAULT_MAX_BYTES, checkSize } from './size';
export type { ImportProblem, ImportProblemCode, Message } from './problems';
export type { ResultsContext } from './kinds/results';

export interface ResultsImport {
  bytes: Uint8Array;
  fileName: string;
  kind: 'results';
  context: ResultsContext;
  maxBytes?: number;
  /** The XLSX sheet to read; otherwise the first visible one. */
  sheet?: string;
}

export interface ImportParse<Row> {
  rows: Row[];
  problems: ImportProblem[];
}

export async function parseImport(request: ResultsImport): Promise<ImportParse<ObservationRow>> {
  const read = await readTable({ bytes: request.bytes, fileName: request.fileName }, { maxBytes: request.maxBytes, sheet: request.sheet });
  const sheet = read.table?.sheets[0];
  if (sheet === undefined) return { rows: [], problems: read.problems };
  const parsed = parseResults(sheet, request.context);
  // A cell the reader already refused (a formula, an error value) is not reported again as empty.
  const refused = new Set(read.problems.map((p) => `${p.row}:${p.column}`));
  const checks = parsed.problems.filter((p) => p.column === null || !refused.has(`${p.row}:${p.column}`));
  return { rows: parsed.rows, problems: [...read.problems, ...checks] };
}
