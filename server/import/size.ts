import { FILE_PLACE, problem, type ImportProblem } from './problems';

/** Files larger than this are refused before they are parsed: 20 MB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

/**
 * Refuses a file over the limit from its size alone, so a caller can check a Content-Length header before
 * reading a body, and a large upload never reaches the parser. Null when the size is within the limit.
 */
export function checkSize(byteLength: number, maxBytes: number = DEFAULT_MAX_BYTES): ImportProblem | null {
  if (byteLength <= maxBytes) return null;
  const size = megabytes(byteLength);
  const limit = megabytes(maxBytes);
  return problem(FILE_PLACE, 'file-too-large', byteLength, {
    vi: `Tệp nặng ${size} MB, vượt giới hạn ${limit} MB (${maxBytes} byte). Hãy chia tệp thành nhiều tệp nhỏ hơn.`,
    en: `The file is ${size} MB, over the limit of ${limit} MB (${maxBytes} bytes). Split it into smaller files.`,
  });
}
