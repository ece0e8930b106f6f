import { columnLetter, problem, type ImportProblem } from './problems';

export interface CsvRecord {
  /** Row number as Excel shows it: the record's position, header first (a quoted line break stays in its row). */
  row: number;
  fields: string[];
}

export interface CsvParse {
  delimiter: ',' | ';';
  records: CsvRecord[];
  problems: ImportProblem[];
}

/** `,` or `;`, whichever the header line (outside quotes) holds more of; `,` when it holds neither. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * RFC 4180 fields: separated by the delimiter, records ended by CRLF or LF (or a lone CR), a field in double
 * quotes may hold the delimiter, line breaks and doubled quotes (""). A quote inside an unquoted field is kept as
 * it is. A quote that is never closed is a problem at the row and column where it opened; nothing after it is read.
 */
export function parseCsv(text: string, sheet: string): CsvParse {
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  const problems: ImportProblem[] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    records.push({ row: records.length + 1, fields });
    fields = [];
    field = '';
  };
  while (i < n) {
    const char = text[i] as string;
    if (char === '"' && field === '') {
      // A quoted field: read to the closing quote.
      const openedAt = { row: records.length + 1, column: columnLetter(fields.length) };
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        const c = text[j] as string;
        if (c === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j += 1;
          break;
        }
        value += c;
        j += 1;
      }
      if (!closed) {
        problems.push(
          problem({ sheet, ...openedAt }, 'csv-quote', value.slice(0, 40), {
            vi: `Dấu ngoặc kép mở ở ô ${openedAt.column}${openedAt.row} không được đóng; phần còn lại của tệp không đọc được.`,
            en: `The double quote opened in cell ${openedAt.column}${openedAt.row} is never closed; the rest of the file cannot be read.`,
          }),
        );
        return { delimiter, records, problems };
      }
      field = value;
      i = j;
      // Anything between the closing quote and the next separator is kept, as spreadsheets do.
      continue;
    }
    if (char === delimiter) {
      fields.push(field);
      field = '';
      i += 1;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += char;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { delimiter, records, problems };
}
