import type { BrowserContext, Route } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Config = Record<string, any>;

/**
 * Serves config.json with some settings changed, as an operator would edit it. On the context, not the
 * page: once the service worker controls a page, it is the worker that fetches config.json, and only a
 * context's routes see a worker's requests.
 *
 * When the server is down (a test stopped it), or the test closed its page while the answer was still coming
 * in (the service worker fetches config.json on its own schedule), the request is refused, as it would be
 * without the route: an unhandled rejection from the route would otherwise fail the whole run.
 */
export async function editConfig(context: BrowserContext, change: (config: Config) => void): Promise<void> {
  await context.route('**/config.json', async (route: Route) => {
    let response;
    let config: Config;
    try {
      response = await route.fetch();
      config = (await response.json()) as Config;
    } catch {
      await route.abort('connectionrefused').catch(() => undefined);
      return;
    }
    change(config);
    await route.fulfill({ response, json: config }).catch(() => undefined);
  });
}
