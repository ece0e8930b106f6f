/** The table a file becomes before any kind of import looks at it: sheets of rows of cells, with their place. */

/** A cell as read: text (trimmed, never empty), a number, or nothing. Dates are ISO text: "2025-07-01". */
export type CellValue = string | number | null;

export interface TableRow {
  /** Row number as Excel shows it (the first line of a CSV is row 1). */
  row: number;
  /** Cells from column A on; cells[2] is column C. Shorter rows simply end early. */
  cells: CellValue[];
}

export interface Sheet {
  /** Sheet name; for a CSV, the file name without its extension. */
  name: string;
  /** Rows that hold at least one value, in order; blank rows are left out but keep the numbering. */
  rows: TableRow[];
  /**
   * Whether a comma in a text cell may be a decimal comma ("61,5" → 61.5): true for a CSV separated by
   * semicolons and for XLSX text cells, false for a comma-separated CSV (where "61,5" can only be a quoted field).
   */
  decimalComma: boolean;
}

export interface Table {
  format: 'csv' | 'xlsx';
  sheets: Sheet[];
  /** The CSV's field separator; null for XLSX. */
  delimiter: ',' | ';' | null;
}

/** The file to read: its bytes and the name it was uploaded under (the extension chooses CSV or XLSX). */
export interface ImportFile {
  bytes: Uint8Array;
  fileName: string;
}

/** The sheet name Excel gives a CSV: the file name without folders and extension. */
export function csvSheetName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]*$/, '') || base;
}
