// @vitest-environment node
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { MIGRATIONS } from '../../../server/db/migrations';
import { MEMORY_DATA_DIR, openDatabase } from '../../../server/db/open';
import { startHub, type RunningHub } from '../../../server/start';
import { describeContract } from './support/contractSuite';
import { fixedClock, sampleProvince } from './support/implementations';
import { postgresWanted, startThrowawayPostgres, type ThrowawayPostgres } from './support/postgres';

/**
 * One contract suite, two implementations: the hub must answer every case as the sample API's MSW handlers
 * do, on PGlite (in memory) and on a PostgreSQL server (a throw-away cluster; HUB_PG=off leaves it out).
 */

const running: RunningHub[] = [];
let cluster: ThrowawayPostgres | undefined;
afterAll(async () => {
  for (const hub of running) await hub.close();
  await cluster?.stop();
});

describeContract('the hub on PGlite', async () => {
  const hub = await startHub({ store: { kind: 'pglite', dataDir: MEMORY_DATA_DIR }, sample: sampleProvince, now: fixedClock });
  running.push(hub);
  return hub.handler;
});

if (postgresWanted()) {
  describeContract('the hub on PostgreSQL', async () => {
    cluster = await startThrowawayPostgres();
    const hub = await startHub({ store: { kind: 'postgres', url: cluster.url }, sample: sampleProvince, now: fixedClock });
    running.push(hub);
    return hub.handler;
  });

  describe('two hubs starting together on one empty PostgreSQL database', () => {
    test('migrate it once and seed it once', async () => {
      if (!cluster) throw new Error('The PostgreSQL cluster of the contract suite did not start.');
      const admin = openDatabase({ kind: 'postgres', url: cluster.url });
      await sql`create database race`.execute(admin);
      await admin.destroy();
      const url = cluster.url.replace(/\/postgres$/, '/race');
      const hubs = await Promise.all([0, 1].map(() => startHub({ store: { kind: 'postgres', url }, sample: sampleProvince, now: fixedClock })));
      running.push(...hubs);
      expect(hubs.map((hub) => hub.seed).sort()).toEqual(['already-loaded', 'seeded']);
      expect(hubs.flatMap((hub) => hub.applied)).toEqual(Object.keys(MIGRATIONS));
      const answers = await Promise.all(hubs.map(async (hub) => (await hub.handler(new Request('http://api.test/api/v1/units'))).text()));
      expect(answers[0]).toBe(answers[1]);
    }, 60_000);
  });
}
