// @vitest-environment node
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { LOCK_FILE } from '../../../server/db/folderLock';
import type { FetchHandler } from '../../../server/http/hub';
import { startHub } from '../../../server/start';
import { url } from './support/cases';
import { fixedClock, sampleProvince } from './support/implementations';

/** The embedded default: PGlite in a data folder keeps the hub's data from one start to the next. */

let folder: string | undefined;
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

const PATHS = ['/observations?indicator=par', '/service-kpis', '/service-kpis/closes', '/units/99006/service-history'];

async function answers(handler: FetchHandler): Promise<string[]> {
  return Promise.all(PATHS.map(async (path) => (await handler(new Request(url(path)))).text()));
}

test('a hub restarted on its data folder finds its schema, data and service history there, and answers the same bytes', async () => {
  folder = await mkdtemp(join(tmpdir(), 'hub-data-'));
  const dataDir = join(folder, 'data');
  const first = await startHub({ store: { kind: 'pglite', dataDir }, sample: sampleProvince, now: fixedClock });
  // The first start back-filled the sample's history: from 1 March 2025 to the day before the clock's.
  expect(first.fed).toEqual({ backfilledDays: 374, snapshots: 81 });
  const before = await answers(first.handler);
  await first.close();
  expect((await readdir(dataDir)).length).toBeGreaterThan(0);

  const second = await startHub({ store: { kind: 'pglite', dataDir }, sample: sampleProvince, now: fixedClock });
  try {
    expect(second.applied).toEqual([]);
    expect(second.seed).toBe('already-loaded');
    // Nothing was missing, and this minute's snapshot was stored already.
    expect(second.fed).toEqual({ backfilledDays: 0, snapshots: 0 });
    expect(await answers(second.handler)).toEqual(before);
  } finally {
    await second.close();
  }
}, 180_000);

test('a data folder is one process\'s: a second hub on it is refused, saying who holds it, and a lock left by an ended process is taken over', async () => {
  const base = await mkdtemp(join(tmpdir(), 'hub-lock-'));
  const dataDir = join(base, 'data');
  try {
    const first = await startHub({ store: { kind: 'pglite', dataDir }, sample: sampleProvince, now: fixedClock });
    try {
      await expect(startHub({ store: { kind: 'pglite', dataDir }, sample: sampleProvince, now: fixedClock })).rejects.toThrow(`The data folder ${dataDir} is already open in this process`);
    } finally {
      await first.close();
    }
    // A hub that was killed leaves its lock behind: a process id that no longer runs.
    await writeFile(join(dataDir, LOCK_FILE), String(deadPid()));
    const second = await startHub({ store: { kind: 'pglite', dataDir }, sample: sampleProvince, now: fixedClock });
    expect(second.seed).toBe('already-loaded');
    await second.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}, 180_000);

test('a data folder held by another running process is refused with its process id', async () => {
  const base = await mkdtemp(join(tmpdir(), 'hub-lock-'));
  const dataDir = join(base, 'data');
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, LOCK_FILE), String(other.pid));
    await expect(startHub({ store: { kind: 'pglite', dataDir }, sample: sampleProvince, now: fixedClock })).rejects.toThrow(
      `The data folder ${dataDir} is in use by process ${other.pid} (a running hub?)`,
    );
  } finally {
    other.kill();
    await rm(base, { recursive: true, force: true });
  }
});

/** A process id that no process has: one past the largest the kernel hands out. */
function deadPid(): number {
  const max = existsSync('/proc/sys/kernel/pid_max') ? Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8')) : 4_194_304;
  return max + 1;
}
