import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toVnIso } from '../../src/domain/time';
import { generateProvince } from '../generator';
import { MAX_COMMUNES, MIN_COMMUNES } from '../generator/constants';
import { DEFAULT_SEED } from '../handlers/defaults';
import { createAppServer } from './app';
import { createSampleClock, parseInstant, SAMPLE_NOW_FORM } from './clock';

/**
 * `npm start`: the built app and the sample API on one port.
 * Environment: PORT (default 4173, 0 = any free port), HOST (default 127.0.0.1), SEED (default
 * DEFAULT_SEED), COMMUNES (optional: communes after the reform), SAMPLE_DIPS (`off`: no natural threshold
 * dips in the live KPIs, for tests that force breaches through /__mock/faults), AUTH_TOKEN (optional: every
 * /api/v1 request must then carry `Authorization: Bearer <token>`; /__mock and the app stay open),
 * SAMPLE_NOW (optional: an ISO 8601 instant with offset, e.g. 2026-03-10T10:00:00+07:00, where the sample's
 * clock starts; it then runs on from the server's start, so tests see the same day at any hour; unset: the
 * real clock), SAMPLE_TIME_SCALE (for the load test: the sample's clock runs that many times faster than real
 * time, from SAMPLE_NOW or now, and every max-age is that many times shorter).
 * Prints one line with the URL to stdout; everything else goes to stderr.
 */

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readInteger(name: string, fallback: number | undefined, min: number, max: number): number | undefined {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) fail(`${name} must be a whole number from ${min} to ${max}; got "${raw}".`);
  return value;
}

/** dist/ next to the folder this script is in (dist-server/main.js → ./dist), else under the working directory. */
function findDist(): string {
  const candidates = [resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist'), resolve(process.cwd(), 'dist')];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (!found) fail(`The built app is missing (no ${join(candidates[1] ?? 'dist', 'index.html')}). Run \`npm run build\` first.`);
  return found;
}

/** The host to print: a wildcard or loopback address is reachable as 127.0.0.1. */
function displayHost(host: string): string {
  if (['0.0.0.0', '::', '127.0.0.1', 'localhost', '::1'].includes(host)) return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

const distDir = findDist();
const port = readInteger('PORT', 4173, 0, 65535) ?? 4173;
const host = process.env.HOST?.trim() || '127.0.0.1';
const seed = readInteger('SEED', DEFAULT_SEED, 0, 0xffff_ffff) ?? DEFAULT_SEED;
const communes = readInteger('COMMUNES', undefined, MIN_COMMUNES, MAX_COMMUNES);

const dips = (process.env.SAMPLE_DIPS ?? 'on').trim() !== 'off';

/** A bearer token as RFC 6750 writes one (b64token); unset or empty: no auth. */
function readToken(name: string): string | undefined {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(raw)) fail(`${name} must be a bearer token: letters, digits and - . _ ~ + / (then any = signs), without spaces.`);
  return raw;
}
const token = readToken('AUTH_TOKEN');

/** An instant with its offset; unset or empty: undefined (the real clock). */
function readInstant(name: string): Date | undefined {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const instant = parseInstant(raw);
  if (!instant) fail(`${name} must be ${SAMPLE_NOW_FORM}; got "${raw}".`);
  return instant;
}

const timeScale = readInteger('SAMPLE_TIME_SCALE', 1, 1, 3600) ?? 1;
const sampleNow = readInstant('SAMPLE_NOW');
const clock = timeScale === 1 && sampleNow === undefined ? {} : { now: createSampleClock({ start: sampleNow, timeScale }), timeScale };

const province = generateProvince({ seed, communes, dips });
const server = createAppServer({ distDir, province, ...clock, ...(token === undefined ? {} : { auth: { token } }) });

server.on('error', (error: NodeJS.ErrnoException) => {
  fail(error.code === 'EADDRINUSE' ? `Port ${port} on ${host} is in use; set PORT to another port (0 picks a free one).` : `The sample server failed: ${error.message}`);
});

server.listen(port, host, () => {
  const { port: actual } = server.address() as AddressInfo;
  console.log(`Sample API and dashboard: http://${displayHost(host)}:${actual}/`);
  if (sampleNow) console.error(`The sample's clock started at ${toVnIso(sampleNow)} (SAMPLE_NOW), not at the real time; GET /__mock/clock reads it.`);
});

let stopping = false;
function stop(): void {
  if (stopping) process.exit(0); // a second Ctrl+C: do not wait
  stopping = true;
  server.close(() => process.exit(0));
  // Keep-alive connections would keep the port: close them now, so a restart on the same port works.
  server.closeIdleConnections();
  // Requests held by a latency or timeout fault would keep the server open: drop them shortly.
  setTimeout(() => server.closeAllConnections(), 500).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
