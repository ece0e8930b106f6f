#!/usr/bin/env node
/**
 * `npm run loadtest [-- --screens=200] [--seconds=60] [--time-scale=30] [--nginx] [--only=direct|proxy] [--no-build]`
 * `npm run loadtest -- --browser=MINUTES`: instead, one real wall and one overview in Chromium for MINUTES at the
 * real cadences, counting their API requests (loadtest/browser/browser.run.ts; builds the app with `npm run build`).
 *
 * Builds the sample server, the caching proxy and the load test itself into dist-loadtest/ (never dist/ or
 * dist-server/), then runs dist-loadtest/run.js: N light clients in Node that poll the sample API the way a
 * wall screen does, straight to the server and then through a caching proxy. Writes loadtest/results.json
 * and prints a table. Not part of `npm test`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-loadtest');
const args = process.argv.slice(2);

const known = /^--(screens=\d+|seconds=\d+(\.\d+)?|time-scale=\d+|nginx|only=(direct|proxy)|no-build|browser=\d+|help)$/;
const unknown = args.filter((arg) => !known.test(arg));
if (unknown.length > 0 || args.includes('--help')) {
  if (unknown.length > 0) console.error(`Unknown option ${unknown.join(' ')}.`);
  console.error('Options: --screens=N (200) --seconds=S (60) --time-scale=K (30: the 60 s cadence every 2 s) --nginx --only=direct|proxy --no-build');
  console.error('         --browser=MINUTES: one wall and one overview in Chromium at the real cadences instead');
  process.exit(unknown.length > 0 ? 2 : 0);
}

const browserMinutes = args.find((arg) => arg.startsWith('--browser='))?.slice('--browser='.length);
if (browserMinutes !== undefined) {
  const { spawnSync } = await import('node:child_process');
  const run = (command, commandArgs, env = {}) => spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
  if (!args.includes('--no-build') && run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']) !== 0) process.exit(1);
  const vitest = join(root, 'node_modules/vitest/vitest.mjs');
  process.exit(run(process.execPath, [vitest, 'run', '--config', 'loadtest/browser/vitest.browser.config.ts'], { LOADTEST_BROWSER_MINUTES: browserMinutes }));
}

if (!args.includes('--no-build') || !existsSync(join(out, 'run.js'))) {
  const { build } = await import('vite');
  console.log('Building the sample server, the caching proxy and the load test into dist-loadtest/ …');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: true,
      target: 'node20',
      outDir: out,
      emptyOutDir: true,
      copyPublicDir: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: {
          'server/main': join(root, 'mocks/server/main.ts'),
          'proxy/main': join(root, 'loadtest/proxy/main.ts'),
          run: join(root, 'loadtest/run.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
  // The sample server serves a built app from ../dist next to its script: the load test only asks the API,
  // so a placeholder page stands in for the app (dist/ stays untouched).
  mkdirSync(join(out, 'dist'), { recursive: true });
  writeFileSync(join(out, 'dist', 'index.html'), '<!doctype html><title>IOC load test</title><p>The load test serves the sample API only.</p>\n');
}

const { main } = await import(pathToFileURL(join(out, 'run.js')).href);
process.exitCode = await main(args);
