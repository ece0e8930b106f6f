// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, withConnectSources } from '../../../mocks/server/csp';

/** The identity provider editors sign in at is another origin: the app may fetch from it only if both the header and the built page's meta tag name it. */
describe('the content security policy with the identity provider', () => {
  test('adds the origin to connect-src only', () => {
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
    const policy = contentSecurityPolicy(['https://id.example.gov.vn']);
    expect(policy).toContain("connect-src 'self' https://id.example.gov.vn; worker-src 'self'");
    expect(policy.replace(" https://id.example.gov.vn", '')).toBe(CONTENT_SECURITY_POLICY);
  });

  test('and to the meta tag of the built index.html, as Vite writes its quotes', () => {
    const html = '<head><meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; connect-src &#39;self&#39;; worker-src &#39;self&#39;"><title>x</title>';
    expect(withConnectSources(html, ['https://id.example.gov.vn'])).toBe(
      '<head><meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; connect-src &#39;self&#39; https://id.example.gov.vn; worker-src &#39;self&#39;"><title>x</title>',
    );
    expect(withConnectSources(html, [])).toBe(html);
  });
});
