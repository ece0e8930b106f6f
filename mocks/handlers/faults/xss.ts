import type { JsonDocument } from './document';
import { isObject, rowListOf } from './rows';

/**
 * Payloads that would run script if a display string were rendered as HTML (or compiled as a template).
 * Each one bumps the sentinel `window.__xss`, so a browser test proves nothing ran by finding it unset.
 */
export const XSS_PAYLOADS = [
  `<img src=x onerror="window.__xss=(window.__xss||0)+1">`,
  `<script>window.__xss=(window.__xss||0)+1</script>`,
  `<svg onload="window.__xss=(window.__xss||0)+1">`,
  `"><iframe src="javascript:window.parent.__xss=(window.parent.__xss||0)+1">`,
  `{{constructor.constructor('window.__xss=(window.__xss||0)+1')()}}`,
  `<details open ontoggle="window.__xss=(window.__xss||0)+1">`,
] as const;

/** The contract's limit on a display string (Text). */
const TEXT_MAX = 500;

/**
 * Keys whose string values are display text, wherever they are in a body: names, titles, notes,
 * publishers, regions, problem titles and details. Ids, codes, levels, dates and asOf are not.
 */
export const DISPLAY_KEYS: ReadonlySet<string> = new Set([
  'name',
  'nameEn',
  'shortName',
  'shortNameEn',
  'title',
  'titleEn',
  'note',
  'noteEn',
  'publisher',
  'publisherEn',
  'region',
  'regionEn',
  'unitIndexName',
  'unitIndexNameEn',
  'detail',
]);

/** "Xã A <img …>": the original text (cut if it must be) and a payload, within the contract's limit. */
export function withPayload(original: string, payload: string): string {
  return `${original.slice(0, Math.max(0, TEXT_MAX - payload.length - 1))} ${payload}`;
}

/**
 * Appends a payload to every display string of the body, success or error, rotating through the payloads
 * so that neighbouring fields get different ones. A unit's `kind` (free text: xã, phường…) is display text
 * too; the `kind` of indicators and events is an enumeration and is left alone.
 */
export function injectXss(document: JsonDocument): void {
  let next = 0;
  const payload = () => XSS_PAYLOADS[next++ % XSS_PAYLOADS.length] ?? XSS_PAYLOADS[0];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && DISPLAY_KEYS.has(key)) node[key] = withPayload(value, payload());
      else visit(value);
    }
  };
  visit(document.body);
  if (document.feed === 'units') {
    for (const unit of rowListOf('units', document.body)?.rows ?? []) {
      if (isObject(unit) && typeof unit.kind === 'string') unit.kind = withPayload(unit.kind, payload());
    }
  }
}
