/**
 * Saving a file the page made: a Blob behind an object URL and a temporary `<a download>`, revoked right after
 * (no navigation to a data: URL, which the CSP and some browsers refuse).
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is no longer needed once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A `data:` URL (a chart's getDataURL) as a Blob, decoded here: fetch() of a data: URL is blocked by connect-src. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  const head = dataUrl.slice(0, comma);
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const body = dataUrl.slice(comma + 1);
  if (!head.endsWith(';base64')) return new Blob([decodeURIComponent(body)], { type });
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** A text file as UTF-8 (a leading U+FEFF becomes the byte-order mark EF BB BF). */
export function textBlob(text: string, type: string): Blob {
  return new Blob([text], { type });
}
