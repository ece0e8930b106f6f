import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import feedApiConf from './nginx/feed-api.conf?raw';
import { freePort, startChild, type Child } from './processes';

/** The README's nginx example for the feed API, word for word (a unit test keeps the README in step with it). */
export const FEED_API_CONF = feedApiConf;

/** Where the example's placeholders point in the README. */
const EXAMPLE_UPSTREAM = 'http://data-platform.internal:8080';
const EXAMPLE_CACHE_DIR = '/var/cache/nginx/ioc-api';

/** nginx's version (`nginx -v` says it on stderr), or null when there is no nginx on PATH. */
export function nginxVersion(): string | null {
  const run = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
  if (run.error) return null;
  return /nginx\/([\d.]+)/.exec(`${run.stderr}${run.stdout}`)?.[1] ?? 'unknown';
}

/**
 * A whole nginx.conf for one non-root run in `dir`: the example's http-level lines (the cache path, under
 * `dir`) in the http block, its locations in a server on 127.0.0.1:`port`, proxying to `upstream`.
 */
export function nginxConf(dir: string, port: number, upstream: string): string {
  const location = FEED_API_CONF.search(/^location /m);
  if (location < 0) throw new Error('loadtest/nginx/feed-api.conf has no location block');
  // The server part starts with the paragraph (its comment) that ends in the location.
  const blank = FEED_API_CONF.lastIndexOf('\n\n', location);
  const at = blank < 0 ? location : blank + 2;
  const httpPart = FEED_API_CONF.slice(0, at).replaceAll(EXAMPLE_CACHE_DIR, join(dir, 'cache'));
  const serverPart = FEED_API_CONF.slice(at).replaceAll(EXAMPLE_UPSTREAM, upstream.replace(/\/$/, ''));
  const indent = (text: string, by: string) => text.replace(/^(?=.)/gm, by);
  return `# Written by the load test (loadtest/nginx.ts): the README's example around a server of its own.
daemon off;
master_process on;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events {
    worker_connections 4096;
}
http {
    access_log off;
    client_body_temp_path ${join(dir, 'client_body')};
    proxy_temp_path ${join(dir, 'proxy')};
    fastcgi_temp_path ${join(dir, 'fastcgi')};
    uwsgi_temp_path ${join(dir, 'uwsgi')};
    scgi_temp_path ${join(dir, 'scgi')};
    keepalive_requests 100000;

${indent(httpPart.trim(), '    ')}

    server {
        listen 127.0.0.1:${port};
${indent(serverPart.trim(), '        ')}
    }
}
`;
}

/** Starts nginx in the foreground with that config, in `dir`; resolves once it answers HTTP. */
export async function startNginx(dir: string, upstream: string): Promise<Child> {
  // Run as root, nginx's workers drop to another user: they must reach the cache and temp paths (which the
  // master creates and hands over to them) through `dir`.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConf(dir, port, upstream));
  const url = `http://127.0.0.1:${port}/`;
  return startChild('nginx', 'nginx', ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf], {
    readyCheck: async () => {
      // Any answer will do (nginx has no location for /, so a 404): it is listening.
      const response = await fetch(new URL('__ready', url), { signal: AbortSignal.timeout(500) });
      await response.arrayBuffer();
      return url;
    },
  });
}
