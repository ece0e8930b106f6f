import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Two projects: fast unit/component/store/feed/contract tests in happy-dom with msw/node,
// and browser tests that drive Debian's Chromium against the built app and the sample server.
// The unit tests run first, on both cores; then the browser tests, two files at a time (each file has a
// sample server, a browser and a port of its own), which halves the suite's time on CI's two cores.
export default defineConfig({
  plugins: [vue()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'],
          setupFiles: ['test/support/unit-setup.ts'],
          globalSetup: ['test/support/unit-global-setup.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/e2e-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
