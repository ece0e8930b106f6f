/** The bearer token of a request (RFC 6750's b64token), or why there is none. */
export function bearerOf(request: Request): string | 'missing' | 'malformed' {
  const header = request.headers.get('authorization');
  if (header === null) return 'missing';
  return /^Bearer +([\w.~+/-]+=*) *$/i.exec(header)?.[1] ?? 'malformed';
}
