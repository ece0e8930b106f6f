/**
 * The Content-Security-Policy of the dashboard's HTML: scripts, styles, fonts and data only from its own
 * origin (inline styles allowed for the charts' and Vue's style bindings), no plugins, no framing. The
 * sample server sends it as a header; the same string can go into a `<meta http-equiv>` tag at build time.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; " +
  "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** Headers the sample server sends on every answer, app and API alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
