import { FILE_PLACE, problem, type ImportProblem } from './problems';

/** How to save a CSV as UTF-8 from Excel, for the end of an encoding message. */
const SAVE_AS_UTF8 = {
  vi: 'Trong Excel, chọn Tệp → Lưu thành (File → Save As) và chọn kiểu "CSV UTF-8 (Comma delimited) (*.csv)", rồi nhập lại tệp đó.',
  en: 'In Excel, choose File → Save As and pick the type "CSV UTF-8 (Comma delimited) (*.csv)", then import that file.',
};

/** Windows-1258 writes most Vietnamese tones as a separate combining byte after the vowel. */
const CP1258_TONES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]);
/** Vowels in Windows-1258 that a tone byte can follow: ASCII ones and ă â ê ô ơ ư (either case). */
const CP1258_VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)).concat([0xe3, 0xc3, 0xe2, 0xc2, 0xea, 0xca, 0xf4, 0xd4, 0xf5, 0xd5, 0xfd, 0xdd]));

type Guess = 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252' | 'unknown';

/** A best guess at what a file that is not UTF-8 is, from its bytes. */
export function guessEncoding(bytes: Uint8Array): Guess {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  // UTF-16 without a mark: ASCII text has a zero in every other byte.
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 1) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros += 1;
      else oddZeros += 1;
    }
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return 'utf-16le';
  if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return 'utf-16be';
  let tones = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] as number;
    if (byte < 0x80) continue;
    high += 1;
    if (CP1258_TONES.has(byte) && i > 0 && CP1258_VOWELS.has(bytes[i - 1] as number)) tones += 1;
  }
  if (tones > 0) return 'windows-1258';
  return high > 0 ? 'windows-1252' : 'unknown';
}

const NAMES: Record<Guess, { vi: string; en: string }> = {
  'utf-16le': { vi: 'UTF-16 (kiểu "Unicode Text" của Excel)', en: 'UTF-16 (Excel\'s "Unicode Text")' },
  'utf-16be': { vi: 'UTF-16 (big-endian)', en: 'UTF-16 (big-endian)' },
  'windows-1258': { vi: 'Windows-1258 (bảng mã tiếng Việt cũ của Windows)', en: 'Windows-1258 (the old Windows Vietnamese code page)' },
  'windows-1252': { vi: 'Windows-1252 hoặc một bảng mã cũ khác (như TCVN3)', en: 'Windows-1252 or another legacy code page (such as TCVN3)' },
  unknown: { vi: 'một bảng mã không phải UTF-8', en: 'an encoding other than UTF-8' },
};

/**
 * The text of a CSV: UTF-8, with its byte-order mark removed if there is one. A file that is not valid UTF-8 is
 * refused with one problem naming the encoding it seems to be in, so it never turns into garbled rows.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { problem: ImportProblem } {
  const guess = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  let text: string | null = null;
  if (guess === null) {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = null;
    }
  }
  // Valid UTF-8 with zeros in it is UTF-16 without a mark.
  if (text !== null && !text.includes('\u0000')) return { text };
  const name = NAMES[guess ?? guessEncoding(bytes)];
  return {
    problem: problem(FILE_PLACE, 'encoding', null, {
      vi: `Tệp không được lưu ở dạng UTF-8; có vẻ là ${name.vi}. Nếu nhập như vậy, chữ tiếng Việt sẽ bị lỗi phông. ${SAVE_AS_UTF8.vi}`,
      en: `The file is not saved as UTF-8; it looks like ${name.en}. Imported as it is, its Vietnamese text would be garbled. ${SAVE_AS_UTF8.en}`,
    }),
  };
}
