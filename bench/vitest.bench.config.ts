import { defineConfig } from 'vitest/config';

/**
 * The bench as one long vitest "test" in Node (so it is TypeScript, type-checked with the app, and reuses
 * test/support). Not part of `npm test`: run it with `npm run bench` (bench/cli.mjs).
 */
export default defineConfig({
  test: {
    name: 'bench',
    root: new URL('..', import.meta.url).pathname,
    environment: 'node',
    include: ['bench/*.run.ts'],
    testTimeout: 60 * 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // The bench's progress and tables go straight to the terminal.
    disableConsoleIntercept: true,
    reporters: ['dot'],
  },
});
