import { describe, expect, it } from 'vitest';
import { waitForPanelsReady } from '../support/browser';
import { useE2eSuite } from '../support/suite';

describe('the sample server, seen from Chromium', () => {
  const { open, url } = useE2eSuite({ page: { width: 1280, height: 800 } });

  it('answers GET /api/v1/meta with JSON marked as sample data, with an as-of in Vietnam time', async () => {
    const opened = await open('/');
    const answer = await opened.page.evaluate(async () => {
      const response = await fetch('/api/v1/meta', { headers: { accept: 'application/json' } });
      return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as unknown };
    });
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('application/json');
    expect(answer.body).toMatchObject({ sample: true, asOf: expect.stringMatching(/\+07:00$/), data: { contractVersion: expect.any(String) } });
  });

  it('answers an unknown unit with problem details', async () => {
    const opened = await open('/');
    const response = await opened.page.request.get(url('api/v1/units/no-such-unit/series'));
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, title: expect.any(String), type: expect.any(String) });
  });

  it('serves the dashboard at / with a title, its panels ready and no page errors', async () => {
    const opened = await open('/', { width: 1920, height: 1080 });
    expect((await opened.page.title()).trim()).not.toBe('');
    await waitForPanelsReady(opened.page, { timeout: 30_000 });
    expect(opened.problems.pageErrors).toEqual([]);
  });
});
