import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateProvince } from '../mocks/generator';
import { problemResponse } from '../mocks/handlers/respond';
import { BodyTooLargeError, MAX_REQUEST_BODY_BYTES, sendFetchResponse, toFetchRequest } from '../mocks/server/bridge';
import { createSampleClock } from '../mocks/server/clock';
import { acceptsGzip } from '../mocks/server/encoding';
import { GzipCache } from '../mocks/server/gzipCache';
import { API_PREFIX } from '../src/contract/routes';
import { ConfigError, readConfig, type HubConfig } from './config';
import { MAX_IMPORT_BODY_BYTES } from './http/editing';
import { MAX_INGEST_BODY_BYTES } from './http/ingest';
import { startHub } from './start';

/**
 * `npm run hub`: the data hub on its own port, contract v1 under /api/v1 from PGlite in DATA_DIR (or the
 * PostgreSQL server of DATABASE_URL), migrated on start and seeded with the sample province when empty.
 * See server/config.ts for the environment. Prints one line with the URL to stdout; the rest goes to stderr.
 */

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: HubConfig;
try {
  config = readConfig(process.env, process.cwd());
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
const { port, host, store, seed, communes, sampleNow, editing } = config;

const now = sampleNow === undefined ? undefined : createSampleClock({ start: sampleNow });
const hub = await startHub({ store, sample: () => generateProvince({ seed, communes }), now, feedSampleEveryMs: 60_000, editing }).catch((error: unknown) =>
  fail(`The hub could not open its store (${store.kind === 'postgres' ? 'DATABASE_URL' : store.dataDir}): ${error instanceof Error ? error.message : String(error)}`),
);
if (hub.applied.length > 0) console.error(`Migrations applied: ${hub.applied.join(', ')}.`);
if (hub.seed === 'seeded') console.error(`The store was empty: it now holds the sample province (seed ${seed}).`);

/** The largest body each write route takes; other requests are a few bytes. */
function bodyLimitOf(url: string): number {
  const path = url.split('?')[0];
  if (path === `${API_PREFIX}/imports`) return MAX_IMPORT_BODY_BYTES;
  if (path === `${API_PREFIX}/service-kpis`) return MAX_INGEST_BODY_BYTES;
  return MAX_REQUEST_BODY_BYTES;
}

const gzipCache = new GzipCache();
const server = createServer((request, response) => {
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  const path = request.url ?? '/';
  toFetchRequest(request, controller.signal, bodyLimitOf(path))
    .then((fetchRequest) => hub.handler(fetchRequest))
    .catch((error: unknown) =>
      error instanceof BodyTooLargeError
        ? problemResponse(413, `The request is larger than this route takes (${(error.limit / 1024 / 1024).toFixed(0)} MB); nothing was stored.`, { instance: path })
        : problemResponse(500, `The hub failed: ${error instanceof Error ? error.message : String(error)}`, { instance: path }),
    )
    .then((answer) => sendFetchResponse(answer, response, { headOnly: request.method === 'HEAD', gzip: acceptsGzip(request), ifNoneMatch: request.headers['if-none-match'], gzipCache }))
    .catch(() => response.destroy());
});

server.on('error', (error: NodeJS.ErrnoException) => {
  fail(error.code === 'EADDRINUSE' ? `Port ${port} on ${host} is in use; set PORT to another port (0 picks a free one).` : `The hub failed: ${error.message}`);
});

server.listen(port, host, () => {
  const { port: actual } = server.address() as AddressInfo;
  console.log(`Data hub (contract v1): http://${host.includes(':') ? `[${host}]` : host}:${actual}/api/v1/meta`);
});

let stopping = false;
function stop(): void {
  if (stopping) process.exit(0);
  stopping = true;
  server.close(() => {
    hub.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 500).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
