/**
 * Unit codes as other people's files hold them. A shapefile's attribute table often keeps a code as a number,
 * so commune "01234" arrives as 1234; a hand-edited file may pad a code with spaces. The unit table (from the
 * units feed) says which codes exist, so a code can be brought back to the form the units use.
 */

/** Longest unit code accepted (as in the contract's `Code`). */
const MAX_CODE_LENGTH = 64;

const DIGITS = /^\d+$/;

/**
 * The code as written, as text: a string trimmed; a whole number that is not negative as its digits. Anything
 * else (a fraction, a negative number, an empty string, null, an object) is no code: null.
 */
export function unitCodeForm(raw: unknown): string | null {
  if (typeof raw === 'string') {
    const code = raw.trim();
    return code !== '' && code.length <= MAX_CODE_LENGTH ? code : null;
  }
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return String(raw);
  return null;
}

/**
 * The unit code a raw value names, in the form of `knownCodes`: the code as written when it is known; else, for
 * a code of digits only, the one zero-padded form of it that is known (1234 → "01234"). Null when the value is no
 * code, matches no known code, or could be more than one (both "01" and "001" known).
 */
export function normaliseUnitCode(raw: unknown, knownCodes: ReadonlySet<string>): string | null {
  const code = unitCodeForm(raw);
  if (code === null) return null;
  if (knownCodes.has(code)) return code;
  if (!DIGITS.test(code)) return null;
  let found: string | null = null;
  for (let width = code.length + 1; width <= MAX_CODE_LENGTH; width++) {
    const padded = code.padStart(width, '0');
    if (!knownCodes.has(padded)) continue;
    if (found !== null) return null;
    found = padded;
  }
  return found;
}
