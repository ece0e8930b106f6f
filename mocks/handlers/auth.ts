import { problemResponse } from './respond';

/** Bearer-token auth on the sample API (the node server's AUTH_TOKEN). */
export interface AuthOptions {
  /** The token every /api/v1 request must carry as `Authorization: Bearer <token>`. */
  token: string;
}

/** Compares in time that does not depend on where the strings first differ. */
function sameToken(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/**
 * Undefined when the request may go on (no auth configured, or the right bearer token); else the 401
 * problem to answer, with `WWW-Authenticate: Bearer` (and `error="invalid_token"` for a wrong token, as
 * RFC 6750 asks).
 */
export function refuseUnauthorised(request: Request, auth: AuthOptions | undefined): Response | undefined {
  if (!auth) return undefined;
  const header = request.headers.get('authorization');
  const token = /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
  if (token !== undefined && sameToken(token, auth.token)) return undefined;
  const instance = new URL(request.url).pathname;
  if (header === null) {
    return problemResponse(401, 'The sample API needs a bearer token: send "Authorization: Bearer <token>".', { instance, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  return problemResponse(401, 'The Authorization header does not carry the sample API\'s token ("Authorization: Bearer <token>").', {
    instance,
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  });
}
