import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, waitForPanelsReady } from '../support/browser';
import { startSampleServer, type SampleServer } from '../support/server';

describe('the sample server, seen from Chromium', () => {
  let server: SampleServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startSampleServer(), launchBrowser({ executablePath: inject('chromePath') })]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('answers GET /api/v1/meta with JSON marked as sample data, with an as-of in Vietnam time', async () => {
    const opened = await openPage(browser, server.url, { width: 1280, height: 800 });
    try {
      const answer = await opened.page.evaluate(async () => {
        const response = await fetch('/api/v1/meta', { headers: { accept: 'application/json' } });
        return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as unknown };
      });
      expect(answer.status).toBe(200);
      expect(answer.type).toContain('application/json');
      expect(answer.body).toMatchObject({ sample: true, asOf: expect.stringMatching(/\+07:00$/), data: { contractVersion: expect.any(String) } });
    } finally {
      await opened.close();
    }
  });

  it('answers an unknown unit with problem details', async () => {
    const opened = await openPage(browser, server.url, { width: 1280, height: 800 });
    try {
      const response = await opened.page.request.get(new URL('api/v1/units/no-such-unit/series', server.url).href);
      expect(response.status()).toBe(404);
      expect(response.headers()['content-type']).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 404, title: expect.any(String), type: expect.any(String) });
    } finally {
      await opened.close();
    }
  });

  it('serves the dashboard at / with a title, its panels ready and no page errors', async () => {
    const opened = await openPage(browser, server.url, { width: 1920, height: 1080 });
    try {
      expect((await opened.page.title()).trim()).not.toBe('');
      await waitForPanelsReady(opened.page, { timeout: 30_000 });
      expect(opened.problems.pageErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
