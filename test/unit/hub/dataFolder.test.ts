// @vitest-environment node
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startHub } from '../../../server/start';
import { url } from './support/cases';
import { fixedClock, sampleProvince } from './support/implementations';

/** The embedded default: PGlite in a data folder keeps the hub's data from one start to the next. */

let folder: string | undefined;
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

test('a hub restarted on its data folder finds its schema and data there, and answers the same bytes', async () => {
  folder = await mkdtemp(join(tmpdir(), 'hub-data-'));
  const dataDir = join(folder, 'data');
  const first = await startHub({ store: { kind: 'pglite', dataDir }, sample: sampleProvince, now: fixedClock });
  const before = await (await first.handler(new Request(url('/observations?indicator=par')))).text();
  await first.close();
  expect((await readdir(dataDir)).length).toBeGreaterThan(0);

  let generated = false;
  const second = await startHub({
    store: { kind: 'pglite', dataDir },
    sample: () => {
      generated = true;
      return sampleProvince();
    },
    now: fixedClock,
  });
  try {
    expect(second.applied).toEqual([]);
    expect(second.seed).toBe('already-loaded');
    expect(generated).toBe(false);
    expect(await (await second.handler(new Request(url('/observations?indicator=par')))).text()).toBe(before);
  } finally {
    await second.close();
  }
}, 180_000);
