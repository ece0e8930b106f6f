/**
 * The Content-Security-Policy of the dashboard's HTML: scripts, styles, fonts and data only from its own
 * origin (inline styles allowed for the charts' and Vue's style bindings), no plugins, no framing. The
 * sample server sends it as a header; the same string can go into a `<meta http-equiv>` tag at build time.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; " +
  "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const CONNECT_SELF = "connect-src 'self'";

/**
 * The policy with more origins the app may fetch from: the identity provider editors sign in at (its
 * discovery document and token endpoint), a feed API on another origin. Origins only, never a path.
 */
export function contentSecurityPolicy(connectSrc: readonly string[] = []): string {
  return connectSrc.length === 0 ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace(CONNECT_SELF, `${CONNECT_SELF} ${connectSrc.join(' ')}`);
}

/**
 * The built index.html with those origins in its `<meta http-equiv="Content-Security-Policy">` too: a page
 * obeys both the header and the meta tag, so an origin missing from either is blocked.
 */
export function withConnectSources(html: string, connectSrc: readonly string[]): string {
  if (connectSrc.length === 0) return html;
  // Vite writes the tag's quotes as &#39;.
  return html.replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*?connect-src (?:'|&#39;)self(?:'|&#39;))/, `$1 ${connectSrc.join(' ')}`);
}

/** Headers the sample server sends on every answer, app and API alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
