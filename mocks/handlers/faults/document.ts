import type { Indicator } from '../../../src/contract/indicators';
import type { FeedId } from '../../../src/contract/routes';

/** A route's JSON answer, parsed, for the row rewrites to change in place before it is serialised again. */
export interface JsonDocument {
  feed: FeedId;
  /** The parsed body (the rewrites change it in place). */
  body: unknown;
  /** Whether the answer was a success (2xx): most rewrites leave error bodies alone. */
  ok: boolean;
  /** The province's catalogue, for indicator scales. */
  indicators: readonly Indicator[];
  /** A string that becomes `token`, bare and unquoted, in the serialised text (NaN, Infinity: not JSON). */
  bare(token: string): string;
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i;

export function isJsonType(contentType: string | null): boolean {
  return contentType !== null && JSON_TYPE.test(contentType.trim());
}

/**
 * The one place a route's JSON answer is parsed, changed and serialised again. `change` runs the rewrites
 * on the document; placeholders they asked for (`bare`) become bare tokens in the text. A body that is not
 * JSON (an HTML fault page, say) comes back as it was.
 */
export async function rewriteJson(
  response: Response,
  context: Pick<JsonDocument, 'feed' | 'indicators'>,
  change: (document: JsonDocument) => void,
): Promise<Response> {
  if (!isJsonType(response.headers.get('content-type'))) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return withText(response, text);
  }
  const tokens = new Map<string, string>();
  const document: JsonDocument = {
    ...context,
    body,
    ok: response.ok,
    bare(token) {
      const placeholder = `@@ioc-sample-bare-token-${tokens.size}@@`;
      tokens.set(placeholder, token);
      return placeholder;
    },
  };
  change(document);
  let out = JSON.stringify(document.body);
  for (const [placeholder, token] of tokens) out = out.replaceAll(JSON.stringify(placeholder), token);
  return withText(response, out);
}

/** The same answer with another body text, its length updated. */
function withText(response: Response, text: string): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Length', String(new TextEncoder().encode(text).byteLength));
  return new Response(text, { status: response.status, statusText: response.statusText, headers });
}
