import ExcelJS from 'exceljs';
import type { ResultsContext } from '../../../../server/import';

/** A small catalogue and unit table: PCI (0–100, higher is better, two components) and a lower-is-better index. */
export const context: ResultsContext = {
  indicators: [
    {
      id: 'PCI',
      kind: 'annual-index',
      scale: { min: 0, max: 100, unit: 'points', decimals: 2 },
      direction: 'higher-is-better',
      components: [
        { id: 'entry', name: 'Gia nhập thị trường', max: 10 },
        { id: 'land', name: 'Tiếp cận đất đai', max: 10 },
      ],
      levels: ['province', 'district'],
    },
    {
      id: 'COST',
      kind: 'annual-index',
      scale: { min: 0, max: 10, unit: 'points', decimals: 1 },
      direction: 'lower-is-better',
      components: [],
      levels: ['district'],
    },
  ],
  units: [
    { code: '26', level: 'province' },
    { code: '244', level: 'district' },
    { code: '245', level: 'district' },
    { code: '246', level: 'district' },
    { code: '247', level: 'district' },
  ],
  nationalLevel: 'province',
};

export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** An XLSX file built in memory: rows of cell values; a `{ formula }` object becomes a formula cell. */
export async function xlsx(sheetName: string, rows: (string | number | null | { formula: string; result?: number })[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
    });
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
