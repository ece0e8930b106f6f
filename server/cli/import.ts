import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { runImportCommand } from './importCommand';
import { openCliStore } from './store';

/**
 * `npm run import -- FILE | --list | --undo ID` (see importCommand.ts for the options). Same environment as the
 * hub: DATABASE_URL, or DATA_DIR while the hub is stopped (a PGlite folder is one process's). The report goes
 * to stdout, a refusal's problems to stderr; exit code 0 done, 1 refused or failed, 2 a wrong command.
 */

const db = await openCliStore();
let code = 1;
try {
  code = await runImportCommand(process.argv.slice(2), {
    db,
    actor: `cli:${userInfo().username}`,
    now: () => new Date(),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} catch (error) {
  console.error(`The import command failed, and wrote nothing: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await db.destroy();
}
process.exit(code);
