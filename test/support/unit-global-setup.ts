/**
 * Before the unit project: the hub's contract suite also runs on a real PostgreSQL (a throw-away cluster,
 * test/unit/hub/support/postgres.ts), so its server binaries must be on the machine. Where they are missing and
 * this process can, Debian's `postgresql` package is installed, as Chromium is for the browser tests; otherwise
 * the suite's PostgreSQL variant stops with a message saying how to get it. HUB_PG=off leaves PostgreSQL out.
 */
import { aptInstall, canInstallWithApt } from './apt';
import { findBinDir, postgresWanted } from '../unit/hub/support/postgres';

export default async function setup(): Promise<void> {
  if (!postgresWanted() || findBinDir() !== undefined || !canInstallWithApt()) return;
  try {
    await aptInstall(['postgresql'], "No PostgreSQL server binaries found (initdb, pg_ctl) for the hub's contract suite");
  } catch (error) {
    console.warn(`Installing PostgreSQL with apt-get failed: ${(error as Error).message}. The suite's PostgreSQL variant will say what to do.`);
  }
}
