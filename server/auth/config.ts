/**
 * Who may write, from the environment: editors sign in with OpenID Connect at the province's identity provider
 * (Keycloak, or any provider that issues JWT access tokens), and the hub checks their tokens.
 *
 * - OIDC_ISSUER: the provider's issuer URL (its discovery document is at `<issuer>/.well-known/openid-configuration`).
 *   Unset: nobody can write through HTTP (imports stay possible with `npm run import` on the server).
 * - OIDC_CLIENT_ID: the app's public client (authorization code with PKCE, no secret).
 * - OIDC_AUDIENCE: the `aud` the hub's access tokens carry (default: the client id, as Keycloak's audience mapper sets it).
 * - OIDC_EDITOR_ROLE (default `ioc-editor`): the role an editor holds, in the claim OIDC_ROLES_CLAIM names
 *   (default `roles`; a dotted path such as `realm_access.roles` for Keycloak's realm roles).
 * - OIDC_SCOPE (default `openid profile`): what the app asks for when it signs in.
 */

export interface EditingConfig {
  issuer: string;
  clientId: string;
  audience: string;
  editorRole: string;
  rolesClaim: string;
  scope: string;
}

export class EditingConfigError extends Error {
  override name = 'EditingConfigError';
}

function url(name: string, raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new EditingConfigError(`${name} must be the identity provider's issuer URL, such as https://id.example.gov.vn/realms/ioc; got "${raw}".`);
  }
  const local = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]';
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) {
    throw new EditingConfigError(`${name} must use https (http only on localhost, for trying things out); got "${raw}".`);
  }
  return raw.replace(/\/+$/, '');
}

/** The editing settings, or null when OIDC_ISSUER is unset. Throws EditingConfigError naming the bad variable. */
export function readEditingConfig(env: NodeJS.ProcessEnv): EditingConfig | null {
  const rawIssuer = env.OIDC_ISSUER?.trim();
  if (!rawIssuer) {
    const stray = ['OIDC_CLIENT_ID', 'OIDC_AUDIENCE', 'OIDC_EDITOR_ROLE', 'OIDC_ROLES_CLAIM', 'OIDC_SCOPE'].find((name) => env[name]?.trim());
    if (stray) throw new EditingConfigError(`${stray} is set but OIDC_ISSUER is not: set OIDC_ISSUER to the identity provider's issuer URL, or unset ${stray}.`);
    return null;
  }
  const issuer = url('OIDC_ISSUER', rawIssuer);
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new EditingConfigError('OIDC_CLIENT_ID must name the app\'s client at the identity provider (a public client, authorization code with PKCE).');
  const rolesClaim = env.OIDC_ROLES_CLAIM?.trim() || 'roles';
  if (!/^[\w:-]+(\.[\w:-]+)*$/.test(rolesClaim)) throw new EditingConfigError(`OIDC_ROLES_CLAIM must be a claim name or a dotted path such as realm_access.roles; got "${rolesClaim}".`);
  const scope = env.OIDC_SCOPE?.trim() || 'openid profile';
  if (!scope.split(/\s+/).includes('openid')) throw new EditingConfigError(`OIDC_SCOPE must include openid; got "${scope}".`);
  return {
    issuer,
    clientId,
    audience: env.OIDC_AUDIENCE?.trim() || clientId,
    editorRole: env.OIDC_EDITOR_ROLE?.trim() || 'ioc-editor',
    rolesClaim,
    scope,
  };
}
