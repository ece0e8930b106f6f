import { setupWorker } from 'msw/browser';
import { generateProvince } from './generator';
import { createHandlers } from './handlers';
import { DEFAULT_SEED } from './handlers/defaults';

/**
 * `npm run dev` only: serves the sample API from a service worker in the page, with the same handlers
 * (and the same /__mock/faults control endpoint) as `npm start`. Requests it has no handler for go to
 * the network untouched.
 */
export async function startMockWorker(options: { seed?: number; communes?: number } = {}): Promise<void> {
  const province = generateProvince({ seed: options.seed ?? DEFAULT_SEED, communes: options.communes });
  const worker = setupWorker(...createHandlers(province));
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
