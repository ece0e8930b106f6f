import { defineConfig } from 'vitest/config';

/** One real screen's requests in Chromium (see browser.run.ts). Not part of `npm test`. */
export default defineConfig({
  test: {
    name: 'loadtest-browser',
    root: new URL('../..', import.meta.url).pathname,
    environment: 'node',
    include: ['loadtest/browser/*.run.ts'],
    testTimeout: 3 * 60 * 60_000,
    hookTimeout: 120_000,
    disableConsoleIntercept: true,
    reporters: ['dot'],
  },
});
