import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import * as v from 'valibot';
import { Problem } from '../../../src/contract/common';
import { generateProvince } from '../../../mocks/generator';
import { createHandlers } from '../../../mocks/handlers';

const ORIGIN = 'http://auth.test';
const TOKEN = 's3cret-Token_1';
const server = setupServer(...createHandlers(generateProvince({ seed: 5, communes: 20 }), { auth: { token: TOKEN } }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const api = (path: string, authorization?: string) =>
  fetch(`${ORIGIN}/api/v1${path}`, authorization === undefined ? {} : { headers: { Authorization: authorization } });

async function expectRefused(response: Response, challenge: string): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.headers.get('www-authenticate')).toBe(challenge);
  const problem = v.parse(Problem, await response.json());
  expect(problem).toMatchObject({ status: 401, title: 'Unauthorized' });
  expect(problem.detail).toContain('Bearer');
}

describe('createHandlers with auth: a bearer token on every /api/v1 request', () => {
  it('refuses a request without one: 401 problem, WWW-Authenticate: Bearer', async () => {
    await expectRefused(await api('/meta'), 'Bearer');
    await expectRefused(await api('/observations?indicator=par'), 'Bearer');
  });

  it('refuses a wrong token, or another scheme', async () => {
    await expectRefused(await api('/meta', 'Bearer s3cret'), 'Bearer error="invalid_token"');
    await expectRefused(await api('/meta', `Bearer ${TOKEN}x`), 'Bearer error="invalid_token"');
    await expectRefused(await api('/meta', `Basic ${btoa(`user:${TOKEN}`)}`), 'Bearer error="invalid_token"');
    await expectRefused(await api('/meta', TOKEN), 'Bearer error="invalid_token"');
  });

  it('answers with the right token (the scheme in any case)', async () => {
    expect((await api('/meta', `Bearer ${TOKEN}`)).status).toBe(200);
    expect((await api('/units', `bearer ${TOKEN}`)).status).toBe(200);
  });

  it('refuses before saying whether a path exists', async () => {
    await expectRefused(await api('/nothing'), 'Bearer');
    expect((await api('/nothing', `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('leaves /__mock open, and counts refused requests', async () => {
    await fetch(`${ORIGIN}/__mock/requests`, { method: 'DELETE' });
    const set = await fetch(`${ORIGIN}/__mock/faults`, { method: 'POST', body: JSON.stringify({ feed: 'events', status: 503 }) });
    expect(set.status).toBe(200);
    await api('/events');
    // With the token, the fault answers.
    expect((await api('/events', `Bearer ${TOKEN}`)).status).toBe(503);
    const counted = (await (await fetch(`${ORIGIN}/__mock/requests`)).json()) as { counts: Record<string, number> };
    expect(counted.counts.events).toBe(2);
    await fetch(`${ORIGIN}/__mock/faults`, { method: 'DELETE' });
  });
});
