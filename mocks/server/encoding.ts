import type { IncomingMessage } from 'node:http';

/** Text-like types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/([a-z0-9.+-]*\+)?(json|xml|javascript|wasm)\b|image\/svg\+xml)/i;

/** Below this, gzip's header costs more than it saves. */
export const MIN_GZIP_BYTES = 1024;

export function isCompressible(contentType: string | null | undefined): boolean {
  return contentType !== null && contentType !== undefined && COMPRESSIBLE.test(contentType);
}

/** Whether the client takes gzip (`Accept-Encoding: gzip`, not refused with q=0). */
export function acceptsGzip(request: IncomingMessage): boolean {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
