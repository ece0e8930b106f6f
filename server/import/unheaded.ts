import { cellText } from './cells';
import { columnLetter, problem, type ImportProblem } from './problems';
import type { Sheet } from './sheet';

/**
 * Values in a column with no header: a figure the import would otherwise drop without a word. The usual cause
 * is a decimal comma in a comma-separated CSV ("58,25" read as 58 and 25), so that case gets the fix spelled
 * out. One problem per row, at its first such cell; the header is row 1.
 */
export function unheadedCells(sheet: Sheet): ImportProblem[] {
  const header = sheet.rows[0];
  if (header === undefined) return [];
  const headed = (index: number) => cellText(header.cells[index] ?? null) !== null;
  const problems: ImportProblem[] = [];
  for (const tableRow of sheet.rows.slice(1)) {
    const index = tableRow.cells.findIndex((value, i) => value !== null && !headed(i));
    if (index < 0) continue;
    const value = tableRow.cells[index] ?? null;
    const cell = `${columnLetter(index)}${tableRow.row}`;
    const hintVi = sheet.decimalComma ? '' : ' Nếu đây là phần thập phân của số trước nó (như "58,25"), hãy dùng dấu chấm ("58.25"), đặt số trong ngoặc kép, hoặc lưu tệp phân cách bằng dấu chấm phẩy.';
    const hintEn = sheet.decimalComma ? '' : ' If it is the decimal part of the figure before it (as in "58,25"), write it with a point ("58.25"), quote the figure, or save the file separated by semicolons.';
    problems.push(
      problem({ sheet: sheet.name, row: tableRow.row, column: columnLetter(index) }, 'column-unknown', cellText(value), {
        vi: `Ô ${cell} có giá trị "${cellText(value)}" nhưng cột ${columnLetter(index)} không có tiêu đề ở dòng 1.${hintVi}`,
        en: `Cell ${cell} holds "${cellText(value)}" but column ${columnLetter(index)} has no header in row 1.${hintEn}`,
      }),
    );
  }
  return problems;
}
