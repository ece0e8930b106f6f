import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A throw-away PostgreSQL cluster for tests: initdb in a temporary folder, a server on a free port of
 * 127.0.0.1 (trust auth, no fsync: nothing here needs to survive), stopped and deleted by `stop`.
 * initdb refuses to run as root, so as root every command runs as the `postgres` user (runuser).
 * Binaries: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin (Debian's layout).
 */

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  stop: () => Promise<void>;
}

export const INSTALL_HINT =
  'Install the server (Debian/Ubuntu: `apt-get install postgresql`; it brings /usr/lib/postgresql/<version>/bin), ' +
  'or point PG_BIN at a folder holding initdb and pg_ctl, or set HUB_PG=off to run the contract suite on PGlite only.';

/** Whether the PostgreSQL variant runs (everywhere unless HUB_PG=off); says so when it does not. */
export function postgresWanted(): boolean {
  if ((process.env.HUB_PG ?? '').trim().toLowerCase() !== 'off') return true;
  console.warn('HUB_PG=off: the hub contract suite runs on PGlite only this time, not on a PostgreSQL server.');
  return false;
}

export function findBinDir(): string | undefined {
  const given = process.env.PG_BIN?.trim();
  if (given) return existsSync(join(given, 'initdb')) ? given : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')) && existsSync(join(root, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a PostgreSQL program, as the postgres user when this process is root; failures carry its stderr. */
async function runAs(asPostgres: boolean, program: string, args: string[]): Promise<void> {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  try {
    await run(file, argv, { timeout: 90_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`${[file, ...argv].join(' ')} failed: ${error instanceof Error ? error.message : String(error)}\n${stderr}`, { cause: error });
  }
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findBinDir();
  if (bin === undefined) throw new Error(`No PostgreSQL server binaries (initdb, pg_ctl) on this machine. ${INSTALL_HINT}`);
  const asPostgres = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'hub-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (asPostgres) {
    const ids = await run('id', ['-u', 'postgres']).then(async ({ stdout: uid }) => [Number(uid), Number((await run('id', ['-g', 'postgres'])).stdout)] as const, () => undefined);
    if (ids === undefined) throw new Error(`Running as root, and there is no postgres user to run initdb as (initdb refuses root). ${INSTALL_HINT}`);
    await chown(dir, ids[0], ids[1]);
  }
  const pgCtl = join(bin, 'pg_ctl');
  try {
    await runAs(asPostgres, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    const port = await freePort();
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
    await runAs(asPostgres, pgCtl, ['-D', data, '-l', log, '-w', '-t', '60', '-o', settings, 'start']);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => {
        await runAs(asPostgres, pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
    await runAs(asPostgres, pgCtl, ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${error instanceof Error ? error.message : String(error)}${serverLog ? `\nServer log:\n${serverLog}` : ''}`, { cause: error });
  }
}
