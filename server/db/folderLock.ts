import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The file in a PGlite data folder that says which process has it open. */
export const LOCK_FILE = 'hub.lock';

export class FolderInUseError extends Error {
  override name = 'FolderInUseError';
}

/** The folders this process holds (a container's hub may be pid 1 in every life, so the pid alone cannot tell). */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes a PGlite data folder for this process: PGlite is one process's database, and two hubs (or a hub and the
 * sources command) writing one folder would corrupt it. A lock left by a process that has ended is taken over.
 * Returns the release; throws FolderInUseError naming the process that holds it.
 */
export function lockDataFolder(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      return () => {
        held.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (held.has(path)) throw new FolderInUseError(`The data folder ${dataDir} is already open in this process; close it before opening it again.`);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new FolderInUseError(
          `The data folder ${dataDir} is in use by process ${holder} (a running hub?). Stop it first, or run the hub on a PostgreSQL server (DATABASE_URL), which many processes can share. If no hub runs, delete ${path}.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new FolderInUseError(`The data folder ${dataDir} could not be locked (${LOCK_FILE} keeps coming back).`);
}
