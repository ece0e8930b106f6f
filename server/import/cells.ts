import type { CellValue } from './sheet';

/**
 * A number from a cell: a number cell as it is, text such as "61.5", or, where the sheet allows a decimal comma,
 * "61,5". Spaces (including non-breaking ones) around the figure are ignored. Null when the text is not a number.
 */
export function readNumber(value: CellValue, decimalComma: boolean): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.replace(/[\s\u00a0]/g, '');
  const pattern = decimalComma ? /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/ : /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
  if (!pattern.test(text)) return null;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** A cell as text for codes and for a problem's `value`: numbers as JavaScript writes them. */
export function cellText(value: CellValue): string | null {
  if (value === null) return null;
  return typeof value === 'number' ? String(value) : value;
}

/** A header as it is compared: trimmed, lower case, without Vietnamese tones or marks ("Mã đơn vị" → "ma don vi"). */
export function headerKey(value: CellValue): string {
  return (cellText(value) ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_\-]+/g, ' ')
    .trim();
}
