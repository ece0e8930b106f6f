// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { BrowserContext, Route } from 'playwright-core';
import { editConfig } from '../../support/config-route';

type Handler = (route: Route) => Promise<void>;

/** The route handler editConfig registers, called with a route whose answer behaves as `fetch` says. */
async function routeConfig(fetch: () => Promise<unknown>) {
  let handler: Handler | undefined;
  const context = { route: async (_url: string, h: Handler) => void (handler = h) } as unknown as BrowserContext;
  const change = vi.fn();
  await editConfig(context, change);
  const route = { fetch, abort: vi.fn(async () => undefined), fulfill: vi.fn(async () => undefined) };
  await (handler as Handler)(route as unknown as Route);
  return { route, change };
}

describe('the config.json route of the browser tests', () => {
  it('serves the config with the change made', async () => {
    const { route, change } = await routeConfig(async () => ({ json: async () => ({ locale: 'vi' }) }));
    expect(change).toHaveBeenCalledWith({ locale: 'vi' });
    expect(route.fulfill).toHaveBeenCalledTimes(1);
  });

  // CI failed on "apiResponse.json: Response has been disposed": a page closed while its config.json came in.
  it('refuses the request, without a rejection, when the answer is gone before it is read', async () => {
    const { route, change } = await routeConfig(async () => ({
      json: async () => {
        throw new Error('apiResponse.json: Response has been disposed');
      },
    }));
    expect(route.abort).toHaveBeenCalledWith('connectionrefused');
    expect(change).not.toHaveBeenCalled();
  });

  it('refuses the request when the server is down', async () => {
    const { route } = await routeConfig(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    expect(route.abort).toHaveBeenCalledWith('connectionrefused');
  });
});
