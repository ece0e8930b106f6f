#!/usr/bin/env node
/**
 * `npm run bench [-- --strict] [--quick] [--no-build] [--only=loads,bytes,drill,rotation,idle,soak,large,recovery]`
 *
 * Builds the app and the sample server (unless --no-build), then runs bench/bench.run.ts through vitest in Node:
 * it starts the sample server on a free port, measures in headless Chromium, writes bench/results.json and
 * prints the tables. Exits 0 unless the bench itself broke; with --strict, also 1 when a budget is missed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const known = /^--(strict|quick|no-build|only=[a-z,]+)$/;
const unknown = args.filter((a) => !known.test(a));
if (unknown.length) {
  console.error(`Unknown option ${unknown.join(' ')}. Options: --strict --quick --no-build --only=loads,bytes,drill,rotation,idle,soak,large,recovery`);
  process.exit(2);
}
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? '';

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!args.includes('--no-build') && run(npm, ['run', 'build']) !== 0) process.exit(1);

const vitest = resolve(root, 'node_modules/vitest/vitest.mjs');
const status = run(process.execPath, [vitest, 'run', '--config', 'bench/vitest.bench.config.ts', 'bench/bench.run.ts'], {
  BENCH_QUICK: args.includes('--quick') ? '1' : '',
  BENCH_ONLY: only,
});
if (status !== 0) process.exit(status);

if (args.includes('--strict')) {
  const results = JSON.parse(readFileSync(resolve(root, 'bench/results.json'), 'utf8'));
  const missed = results.budgets.filter((b) => !b.pass);
  if (missed.length) {
    console.error(`--strict: ${missed.length} budget(s) missed: ${missed.map((b) => b.name).join('; ')}`);
    process.exit(1);
  }
}
