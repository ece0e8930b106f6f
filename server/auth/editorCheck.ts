import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { bearerOf } from './bearer';
import type { EditingConfig } from './config';

/**
 * Is this request an editor's? The bearer access token is checked with jose against the identity provider's
 * keys (found through its discovery document, fetched once and again after a failure): signature, issuer,
 * audience, expiry (30 s of leeway for clocks), then the editor role. Never throws for a bad token: it says why.
 */

export interface Editor {
  subject: string;
  /** How the audit log names the editor: `editor:<preferred_username, else email, else sub>`. */
  actor: string;
  name: string | null;
}

export type EditorCheck =
  | { ok: true; editor: Editor }
  /** 401: no token, or one that is not valid; 403: a valid token without the editor role; 503: the provider cannot be reached. */
  | {
      ok: false;
      status: 401 | 403 | 503;
      error: 'missing' | 'invalid_token' | 'insufficient_scope' | 'unavailable';
      detail: string;
      /** For a 403: who was signed in, as the audit log names them. */
      actor?: string;
    };

export interface EditorCheckOptions {
  /** The clock tokens are checked against (default: the real one; never the sample's). */
  now?: () => Date;
  fetch?: typeof fetch;
}

const CLOCK_LEEWAY_S = 30;
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** The value at a dotted path of the claims (`realm_access.roles`). */
function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), payload);
}

/** Roles as a list of strings, or a space-separated string (as some providers put them in `scope`-like claims). */
function rolesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((role): role is string => typeof role === 'string');
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

export function createEditorCheck(config: EditingConfig, options: EditorCheckOptions = {}): (request: Request) => Promise<EditorCheck> {
  const now = options.now ?? (() => new Date());
  const fetchImpl = options.fetch ?? fetch;
  let keys: JWTVerifyGetKey | undefined;

  async function keySet(): Promise<JWTVerifyGetKey> {
    if (keys) return keys;
    const discovery = `${config.issuer}/.well-known/openid-configuration`;
    const answer = await fetchImpl(discovery, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    if (!answer.ok) throw new Error(`${discovery} answered ${answer.status}`);
    const document = (await answer.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (document.issuer !== config.issuer) throw new Error(`${discovery} names the issuer "${String(document.issuer)}", not OIDC_ISSUER "${config.issuer}"`);
    if (typeof document.jwks_uri !== 'string') throw new Error(`${discovery} has no jwks_uri`);
    keys = createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: 10_000 });
    return keys;
  }

  return async (request) => {
    const token = bearerOf(request);
    if (token === 'missing') return { ok: false, status: 401, error: 'missing', detail: 'Writing needs an editor: sign in, and send the access token as "Authorization: Bearer <token>".' };
    if (token === 'malformed') return { ok: false, status: 401, error: 'invalid_token', detail: 'The Authorization header is not "Bearer <token>".' };
    let getKey: JWTVerifyGetKey;
    try {
      getKey = await keySet();
    } catch (error) {
      return { ok: false, status: 503, error: 'unavailable', detail: `The identity provider cannot be reached to check the token (${error instanceof Error ? error.message : String(error)}); try again shortly.` };
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, getKey, { issuer: config.issuer, audience: config.audience, algorithms: ALGORITHMS, clockTolerance: CLOCK_LEEWAY_S, currentDate: now() }));
    } catch (error) {
      if (error instanceof errors.JWKSTimeout || (error instanceof TypeError && /fetch/i.test(error.message))) {
        return { ok: false, status: 503, error: 'unavailable', detail: 'The identity provider\'s keys cannot be fetched to check the token; try again shortly.' };
      }
      const why =
        error instanceof errors.JWTExpired
          ? 'it has expired; sign in again'
          : error instanceof errors.JWTClaimValidationFailed
            ? `its "${error.claim}" claim is not what the hub expects (${error.reason})`
            : error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey
              ? 'it is not signed by the identity provider'
              : 'it is not a JWT access token from the identity provider';
      return { ok: false, status: 401, error: 'invalid_token', detail: `The token was refused: ${why}. Nothing was written.` };
    }
    const subject = typeof payload.sub === 'string' ? payload.sub : '';
    const handle = [payload.preferred_username, payload.email, subject].find((value): value is string => typeof value === 'string' && value.length > 0) ?? 'unknown';
    const roles = rolesOf(claimAt(payload, config.rolesClaim));
    if (!roles.includes(config.editorRole)) {
      return {
        ok: false,
        status: 403,
        error: 'insufficient_scope',
        detail: `Signed in as ${handle}, without the role "${config.editorRole}" (claim ${config.rolesClaim}) that writing needs; ask the province's administrator for it. Nothing was written.`,
        actor: `editor:${handle}`,
      };
    }
    return { ok: true, editor: { subject, actor: `editor:${handle}`, name: typeof payload.name === 'string' ? payload.name : null } };
  };
}
