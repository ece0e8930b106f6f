import { createHash, randomBytes } from 'node:crypto';

/**
 * Signs a demo account in at the sample identity provider the way the app does, without a browser: the
 * authorization request with a PKCE challenge, the sign-in and consent forms, the redirect with the code, and
 * the code exchanged with the verifier for tokens. Cookies are kept as a browser would (all sent back).
 */

export interface SignInOptions {
  clientId: string;
  redirectUri: string;
  login: string;
  scope?: string;
}

export interface Tokens {
  accessToken: string;
  idToken: string;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

export async function signIn(issuer: string, options: SignInOptions): Promise<Tokens> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const send = async (url: string, init: RequestInit = {}) => {
    const answer = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() } });
    for (const cookie of answer.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return answer;
  };

  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const authorize = new URL(`${issuer}/auth`);
  authorize.search = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: options.scope ?? 'openid profile',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: base64url(randomBytes(8)),
  }).toString();

  let url = authorize.href;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(options.redirectUri)) {
      const back = new URL(url);
      const code = back.searchParams.get('code');
      if (!code) throw new Error(`The provider sent the browser back without a code: ${url}`);
      const token = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: options.redirectUri, client_id: options.clientId, code_verifier: verifier }),
      });
      const body = (await token.json()) as { access_token?: string; id_token?: string; error_description?: string };
      if (!token.ok || !body.access_token || !body.id_token) throw new Error(`The token request failed (${token.status}): ${body.error_description ?? JSON.stringify(body)}`);
      return { accessToken: body.access_token, idToken: body.id_token };
    }
    const answer = await send(url);
    if (answer.status >= 300 && answer.status < 400) {
      url = new URL(answer.headers.get('location') ?? '', url).href;
      continue;
    }
    const page = await answer.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    const action = /<form[^>]+action="([^"]+)"/.exec(page)?.[1];
    if (answer.status !== 200 || !prompt || !action) throw new Error(`Unexpected page at ${url} (${answer.status}): ${page.slice(0, 300)}`);
    const form: Record<string, string> = prompt === 'login' ? { prompt, login: options.login, password: 'demo' } : { prompt };
    const posted = await send(new URL(action, url).href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    if (posted.status < 300 || posted.status >= 400) throw new Error(`The ${prompt} form was not accepted (${posted.status}): ${(await posted.text()).slice(0, 300)}`);
    url = new URL(posted.headers.get('location') ?? '', url).href;
  }
  throw new Error('The sign-in did not come back to the redirect URI within 12 steps.');
}
