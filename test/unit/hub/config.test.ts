// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { DEFAULT_SEED } from '../../../mocks/handlers/defaults';
import { ConfigError, DEFAULT_HUB_PORT, readConfig } from '../../../server/config';

describe('the hub reads its environment', () => {
  test('with nothing set: PGlite in ./data, its own port on loopback, the default sample, the real clock', () => {
    expect(readConfig({}, '/srv/hub')).toEqual({
      port: DEFAULT_HUB_PORT,
      host: '127.0.0.1',
      store: { kind: 'pglite', dataDir: '/srv/hub/data' },
      seed: DEFAULT_SEED,
      communes: undefined,
      sampleNow: undefined,
      editing: null,
    });
  });

  test('OIDC_ISSUER and OIDC_CLIENT_ID switch editing on, with Keycloak-friendly defaults', () => {
    expect(readConfig({ OIDC_ISSUER: 'https://id.example.gov.vn/realms/ioc/', OIDC_CLIENT_ID: 'ioc-dashboard' }, '/').editing).toEqual({
      issuer: 'https://id.example.gov.vn/realms/ioc',
      clientId: 'ioc-dashboard',
      audience: 'ioc-dashboard',
      editorRole: 'ioc-editor',
      rolesClaim: 'roles',
      scope: 'openid profile',
    });
    expect(readConfig({ OIDC_ISSUER: 'http://localhost:8080/realms/ioc', OIDC_CLIENT_ID: 'app', OIDC_AUDIENCE: 'hub', OIDC_ROLES_CLAIM: 'realm_access.roles', OIDC_EDITOR_ROLE: 'bien-tap' }, '/').editing).toMatchObject({
      audience: 'hub',
      rolesClaim: 'realm_access.roles',
      editorRole: 'bien-tap',
    });
  });

  test('DATA_DIR relative to the working directory, or memory:// as it is', () => {
    expect(readConfig({ DATA_DIR: 'var/hub' }, '/srv/hub').store).toEqual({ kind: 'pglite', dataDir: '/srv/hub/var/hub' });
    expect(readConfig({ DATA_DIR: 'memory://' }, '/srv/hub').store).toEqual({ kind: 'pglite', dataDir: 'memory://' });
  });

  test('DATABASE_URL chooses a PostgreSQL server over DATA_DIR', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://hub:secret@db.internal:5432/ioc', DATA_DIR: 'x' }, '/').store).toEqual({
      kind: 'postgres',
      url: 'postgres://hub:secret@db.internal:5432/ioc',
    });
  });

  test('SAMPLE_NOW as an instant with its offset', () => {
    expect(readConfig({ SAMPLE_NOW: '2026-03-10T10:00:00+07:00' }, '/').sampleNow?.toISOString()).toBe('2026-03-10T03:00:00.000Z');
  });

  test.each([
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535/],
    [{ COMMUNES: '5' }, /COMMUNES must be a whole number/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a PostgreSQL URL/],
    [{ SAMPLE_NOW: '2026-03-10 10:00' }, /SAMPLE_NOW must be an ISO 8601 instant/],
    [{ OIDC_ISSUER: 'id.example.gov.vn', OIDC_CLIENT_ID: 'app' }, /OIDC_ISSUER must be the identity provider's issuer URL/],
    [{ OIDC_ISSUER: 'http://id.example.gov.vn', OIDC_CLIENT_ID: 'app' }, /OIDC_ISSUER must use https/],
    [{ OIDC_ISSUER: 'https://id.example.gov.vn' }, /OIDC_CLIENT_ID must name the app's client/],
    [{ OIDC_CLIENT_ID: 'app' }, /OIDC_CLIENT_ID is set but OIDC_ISSUER is not/],
    [{ OIDC_ISSUER: 'https://id.example.gov.vn', OIDC_CLIENT_ID: 'app', OIDC_ROLES_CLAIM: 'realm access' }, /OIDC_ROLES_CLAIM must be a claim name or a dotted path/],
    [{ OIDC_ISSUER: 'https://id.example.gov.vn', OIDC_CLIENT_ID: 'app', OIDC_SCOPE: 'profile' }, /OIDC_SCOPE must include openid/],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => readConfig(env, '/')).toThrow(ConfigError);
    expect(() => readConfig(env, '/')).toThrow(message);
  });
});
