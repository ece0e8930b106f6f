// @vitest-environment node
import { afterAll } from 'vitest';
import { MEMORY_DATA_DIR } from '../../../server/db/open';
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
}
