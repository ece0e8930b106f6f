import type { AddressInfo } from 'node:net';
import { createCachingProxy, feedApiValidSeconds } from './cache';

/**
 * The load test's caching proxy as a process of its own (dist-loadtest/proxy/main.js), so its work is not
 * counted in the screens' process or the server's. Environment: UPSTREAM (the sample server's origin), PORT
 * (0: a free one), HOST (127.0.0.1), TIME_SCALE (the locations' cache times are divided by it, as the sample's
 * max-age is). Prints one line with its URL.
 */
const upstream = process.env.UPSTREAM;
if (!upstream) {
  console.error('UPSTREAM (the origin of the feed API) is required.');
  process.exit(1);
}
const scale = Number(process.env.TIME_SCALE ?? '1') || 1;
const { server } = createCachingProxy({ upstream, validSeconds: (path) => Math.max(1, Math.round(feedApiValidSeconds(path) / scale)) });
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? '0'), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address() as AddressInfo;
  console.log(`Caching proxy: http://${address}:${port}/ → ${upstream}`);
});

function stop(): void {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
