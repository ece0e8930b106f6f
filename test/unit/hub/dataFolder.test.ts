// @vitest-environment node
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
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
