import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * An OpenID Connect provider in-process, for the sample and the tests: the sign-in a province gets from its
 * Keycloak, with demo accounts instead of its staff. Authorization code with PKCE for one public client;
 * access tokens are JWTs for the hub (audience `audience`) carrying each account's roles in `roles`. Keys and
 * sessions live in memory: a restart signs everybody out. Not for production: its sign-in form takes any
 * password (oidc-provider's development interactions) and names only the demo accounts.
 */

export interface DemoAccount {
  name: string;
  roles: string[];
}

export interface SampleProviderOptions {
  /** Where it listens (default 127.0.0.1 on a free port). */
  host?: string;
  port?: number;
  clientId: string;
  /** The app's sign-in callback URLs (its own origin + /signed-in). */
  redirectUris: string[];
  /** The `aud` of the hub's access tokens. */
  audience: string;
  accounts: Record<string, DemoAccount>;
  /** Access tokens' lifetime, seconds (default 600). */
  accessTokenSeconds?: number;
}

export interface RunningProvider {
  issuer: string;
  stop: () => Promise<void>;
}

/** The resource indicator of the hub's API (RFC 8707); tokens for it are JWTs. */
export const HUB_RESOURCE = 'urn:ioc:hub';

export async function startSampleProvider(options: SampleProviderOptions): Promise<RunningProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('hex') };
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const ttl = options.accessTokenSeconds ?? 600;
  const account = (id: string) => (Object.hasOwn(options.accounts, id) ? options.accounts[id] : undefined);

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.redirectUris.map((uri) => new URL('/', uri).href),
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    pkce: { required: () => true },
    findAccount: (_ctx, id) => {
      const found = account(id);
      if (!found) return undefined;
      return { accountId: id, claims: () => ({ sub: id, name: found.name, preferred_username: id }) };
    },
    extraTokenClaims: (_ctx, token) => {
      const id = 'accountId' in token ? token.accountId : undefined;
      const found = typeof id === 'string' ? account(id) : undefined;
      return found ? { roles: found.roles, preferred_username: id, name: found.name } : undefined;
    },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => HUB_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'ioc:edit', audience: options.audience, accessTokenFormat: 'jwt', accessTokenTTL: ttl, jwt: { sign: { alg: 'RS256' } } }),
      },
    },
    ttl: { AccessToken: ttl, IdToken: ttl, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
  };
  const provider = new Provider(issuer, configuration);
  server.on('request', provider.callback());
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
