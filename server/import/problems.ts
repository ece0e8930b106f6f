/**
 * A problem found while reading or checking an import, located the way the user sees the file in Excel:
 * the sheet, the row number (the header is row 1), the column letter. Messages come in Vietnamese and English.
 */

export type ImportProblemCode =
  // reading the file
  | 'file-too-large'
  | 'file-empty'
  | 'file-type'
  | 'encoding'
  | 'csv-quote'
  | 'xlsx-unreadable'
  | 'xlsx-too-large'
  | 'sheet-missing'
  | 'too-many-rows'
  | 'formula'
  | 'cell-error'
  | 'percent-format'
  // columns
  | 'no-data'
  | 'column-missing'
  | 'column-unknown'
  | 'column-duplicate'
  // values
  | 'required'
  | 'not-a-number'
  | 'not-a-whole-number'
  | 'not-a-date'
  | 'code-form'
  | 'year-range'
  | 'out-of-scale'
  | 'indicator-unknown'
  | 'indicator-kind'
  | 'level-unknown'
  | 'level-not-measured'
  | 'unit-unknown'
  | 'unit-not-valid'
  | 'component-unknown'
  | 'component-period'
  | 'component-range'
  | 'parent-unknown'
  | 'parent-missing'
  | 'parent-level'
  | 'dates-order'
  | 'weight-sum'
  | 'same-unit'
  | 'rank-range'
  | 'rank-partial'
  | 'rank-order'
  | 'rank-of-mismatch'
  | 'duplicate-row'
  | 'contract';

export interface Message {
  vi: string;
  en: string;
}

export interface ImportProblem {
  /** Sheet name; for a CSV, the file name without its extension (the name Excel gives the sheet). Null: the whole file. */
  sheet: string | null;
  /** Row as Excel numbers it (the header is row 1); null when the problem is about the whole file or sheet. */
  row: number | null;
  /** Column letter as Excel shows it (A, B, …, AA); null when the problem is about a whole row or the file. */
  column: string | null;
  /** The value read from the cell (or the figure in question, such as a sum of weights); null when there is none. */
  value: string | number | null;
  code: ImportProblemCode;
  message: Message;
}

/** Where a problem is: the three location fields of a problem. */
export interface Place {
  sheet: string | null;
  row: number | null;
  column: string | null;
}

export const FILE_PLACE: Place = { sheet: null, row: null, column: null };

export function problem(place: Place, code: ImportProblemCode, value: string | number | null, message: Message): ImportProblem {
  return { sheet: place.sheet, row: place.row, column: place.column, value, code, message };
}

/** Excel's column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "C7": a cell's address for a message. */
export function cellName(place: Place): string {
  return `${place.column ?? ''}${place.row ?? ''}`;
}

/** "sheet Data, cell C7" / "trang Dữ liệu, ô C7": a place for a message, in both languages. */
export function where(place: Place): Message {
  const cell = place.column !== null && place.row !== null ? cellName(place) : null;
  const vi: string[] = [];
  const en: string[] = [];
  if (place.sheet !== null) {
    vi.push(`trang "${place.sheet}"`);
    en.push(`sheet "${place.sheet}"`);
  }
  if (cell !== null) {
    vi.push(`ô ${cell}`);
    en.push(`cell ${cell}`);
  } else if (place.row !== null) {
    vi.push(`dòng ${place.row}`);
    en.push(`row ${place.row}`);
  } else if (place.column !== null) {
    vi.push(`cột ${place.column}`);
    en.push(`column ${place.column}`);
  }
  return { vi: vi.join(', '), en: en.join(', ') };
}
