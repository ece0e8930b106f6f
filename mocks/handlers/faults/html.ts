import { XSS_PAYLOADS } from './xss';

export const HTML_TYPE = 'text/html; charset=utf-8';

/**
 * A small HTML page of the kind a captive portal or a reverse proxy sends in place of an API's JSON: a
 * sign-in form, or a maintenance notice for an error status. With `xss`, it carries a payload too.
 */
export function htmlPage(status: number, options: { xss?: boolean } = {}): string {
  const signIn = status < 400;
  const title = signIn ? 'Đăng nhập mạng nội bộ / Network sign-in' : `${status}: Hệ thống đang bảo trì / Under maintenance`;
  const body = signIn
    ? '<p>Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại. / Your session has expired. Please sign in again.</p>' +
      '<form method="post" action="/login"><input name="user" autocomplete="username"> ' +
      '<input name="password" type="password" autocomplete="current-password"> <button>Đăng nhập / Sign in</button></form>'
    : '<p>Máy chủ tạm thời không phục vụ được. Vui lòng thử lại sau. / The server cannot serve you just now. Please try again later.</p>';
  const probe = options.xss ? `<p>${XSS_PAYLOADS.join(' ')}</p>` : '';
  return (
    `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><h1>${title}</h1>${body}${probe}<hr><small>gateway</small></body></html>\n`
  );
}

export function htmlResponse(status: number, options: { xss?: boolean } = {}): Response {
  const text = htmlPage(status, options);
  return new Response(text, {
    status,
    headers: { 'Content-Type': HTML_TYPE, 'Content-Length': String(new TextEncoder().encode(text).byteLength), 'Cache-Control': 'no-cache' },
  });
}
