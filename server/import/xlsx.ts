import ExcelJS from 'exceljs';
import { columnLetter, FILE_PLACE, problem, where, type ImportProblem, type Place } from './problems';
import type { CellValue, Sheet, TableRow } from './sheet';
import { zipUncompressedSize } from './zipSize';

export interface XlsxOptions {
  /** Read only this sheet (by name, as its tab shows it); otherwise every visible sheet. */
  sheet?: string | undefined;
  /** Refuse a workbook whose parts would expand to more than this many bytes. */
  maxUncompressedBytes: number;
  /** Refuse a workbook with more rows than this, over all the sheets read. */
  maxRows: number;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A date cell as an ISO date. exceljs builds dates in UTC from Excel's day numbers, so no time zone is involved. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function text(value: string): string | null {
  const trimmed = value.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0\ufeff]+$/g, '');
  return trimmed === '' ? null : trimmed;
}

/** One cell's value, or a problem: formulas are refused (see index.ts), error values and percent formats too. */
function readCell(cell: ExcelJS.Cell, place: Place): { value: CellValue; problem?: ImportProblem } {
  const at = where(place);
  const At = { vi: capital(at.vi), en: capital(at.en) };
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return { value: null };
    case ExcelJS.ValueType.Formula: {
      const formula = (cell.value as { formula?: string; sharedFormula?: string }).formula ?? (cell.value as { sharedFormula?: string }).sharedFormula ?? '';
      return {
        value: null,
        problem: problem(place, 'formula', `=${formula}`, {
          vi: `${At.vi} chứa công thức (=${formula}); hãy sao chép và dán giá trị (Dán đặc biệt → Giá trị) rồi nhập lại.`,
          en: `${At.en} holds a formula (=${formula}); copy it and paste values (Paste Special → Values), then import again.`,
        }),
      };
    }
    case ExcelJS.ValueType.Number: {
      const value = cell.value as number;
      if (typeof cell.numFmt === 'string' && cell.numFmt.includes('%')) {
        return {
          value,
          problem: problem(place, 'percent-format', value, {
            vi: `${At.vi} được định dạng phần trăm, nên Excel lưu ${value * 100}% thành ${value}; hãy định dạng ô là số (General) và ghi ${value * 100}.`,
            en: `${At.en} is formatted as a percentage, so Excel stores ${value * 100}% as ${value}; format the cell as General and write ${value * 100}.`,
          }),
        };
      }
      return { value };
    }
    case ExcelJS.ValueType.Date:
      return { value: isoDate(cell.value as Date) };
    case ExcelJS.ValueType.Boolean:
      return { value: (cell.value as boolean) ? 'TRUE' : 'FALSE' };
    case ExcelJS.ValueType.Error: {
      const error = (cell.value as ExcelJS.CellErrorValue).error;
      return {
        value: null,
        problem: problem(place, 'cell-error', error, {
          vi: `${At.vi} chứa lỗi ${error}; hãy sửa hoặc xoá giá trị đó.`,
          en: `${At.en} holds the error ${error}; fix or clear it.`,
        }),
      };
    }
    case ExcelJS.ValueType.RichText:
      return { value: text((cell.value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('')) };
    case ExcelJS.ValueType.Hyperlink:
      return { value: text(String((cell.value as ExcelJS.CellHyperlinkValue).text ?? '')) };
    default:
      return { value: text(String(cell.value ?? '')) };
  }
}

function readWorksheet(worksheet: ExcelJS.Worksheet, problems: ImportProblem[]): Sheet {
  const rows: TableRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const place = { sheet: worksheet.name, row: rowNumber, column: columnLetter(columnNumber - 1) };
      const read = readCell(cell, place);
      if (read.problem) problems.push(read.problem);
      while (cells.length < columnNumber - 1) cells.push(null);
      cells[columnNumber - 1] = read.value;
    });
    if (cells.some((cell) => cell !== null)) rows.push({ row: rowNumber, cells });
  });
  return { name: worksheet.name, rows, decimalComma: true };
}

/** The sheets of an XLSX workbook, with problems for cells that cannot be taken as they are. */
export async function readXlsx(bytes: Uint8Array, options: XlsxOptions): Promise<{ sheets: Sheet[]; problems: ImportProblem[] }> {
  const expanded = zipUncompressedSize(bytes);
  if (expanded === null) {
    return {
      sheets: [],
      problems: [
        problem(FILE_PLACE, 'xlsx-unreadable', null, {
          vi: 'Tệp không phải là một bảng tính XLSX đọc được (tệp .xls cũ cần được lưu lại thành .xlsx trong Excel).',
          en: 'The file is not a readable XLSX workbook (an old .xls file must be saved as .xlsx from Excel first).',
        }),
      ],
    };
  }
  if (expanded > options.maxUncompressedBytes) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(0);
    return {
      sheets: [],
      problems: [
        problem(FILE_PLACE, 'xlsx-too-large', Number.isFinite(expanded) ? expanded : null, {
          vi: `Khi giải nén, bảng tính chiếm hơn ${mb(options.maxUncompressedBytes)} MB, vượt giới hạn; hãy chia thành nhiều tệp nhỏ hơn.`,
          en: `Unpacked, the workbook takes more than ${mb(options.maxUncompressedBytes)} MB, over the limit; split it into smaller files.`,
        }),
      ],
    };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    return {
      sheets: [],
      problems: [
        problem(FILE_PLACE, 'xlsx-unreadable', null, {
          vi: `Không đọc được bảng tính XLSX (${(error as Error).message}). Hãy mở và lưu lại tệp bằng Excel.`,
          en: `The XLSX workbook cannot be read (${(error as Error).message}). Open it in Excel and save it again.`,
        }),
      ],
    };
  }
  const problems: ImportProblem[] = [];
  const all = workbook.worksheets;
  let chosen: ExcelJS.Worksheet[];
  if (options.sheet !== undefined) {
    const named = all.find((w) => w.name === options.sheet);
    if (!named) {
      const names = all.map((w) => `"${w.name}"`).join(', ');
      return {
        sheets: [],
        problems: [
          problem({ sheet: options.sheet, row: null, column: null }, 'sheet-missing', options.sheet, {
            vi: `Bảng tính không có trang "${options.sheet}"; các trang có: ${names}.`,
            en: `The workbook has no sheet "${options.sheet}"; its sheets are ${names}.`,
          }),
        ],
      };
    }
    chosen = [named];
  } else {
    // Hidden sheets usually hold lookup lists; reading them unseen could import figures nobody looked at.
    chosen = all.filter((w) => w.state === 'visible' || w.state === undefined);
  }
  const rowCount = chosen.reduce((sum, w) => sum + w.actualRowCount, 0);
  if (rowCount > options.maxRows) {
    return {
      sheets: [],
      problems: [
        problem(FILE_PLACE, 'too-many-rows', rowCount, {
          vi: `Bảng tính có ${rowCount} dòng, vượt giới hạn ${options.maxRows} dòng mỗi lần nhập.`,
          en: `The workbook has ${rowCount} rows, over the limit of ${options.maxRows} rows per import.`,
        }),
      ],
    };
  }
  const sheets = chosen.map((worksheet) => readWorksheet(worksheet, problems));
  return { sheets, problems };
}
