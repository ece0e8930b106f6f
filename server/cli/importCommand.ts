import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { listImports } from '../read/imports';
import { dryRunResults, importResults } from '../write/imports/results';
import { undoImport, UndoError } from '../write/imports/undo';
import { listLines, reportLines, undoLines, type Lang } from './importText';

/**
 * `npm run import -- …`, given an open database: the statistics office's way to put a results file in, see
 * what it would change, list what went in, and undo it. The same functions as the import page, so a file
 * goes in the same way from either. Returns the exit code: 0 done, 1 refused or failed, 2 a wrong command.
 */

export const IMPORT_USAGE = [
  'Usage:',
  '  npm run import -- FILE [--dry-run] [--sheet NAME] [--lang vi|en] [--json]',
  '  npm run import -- --list [--json]',
  '  npm run import -- --undo ID',
  '',
  'FILE is a .csv (UTF-8) or .xlsx of annual results: columns Chỉ số, Năm, Mã đơn vị, Điểm, optionally Thứ hạng',
  'and one column per component id. Each indicator, year and level in the file is replaced by its rows.',
  '  --dry-run   show what would change, write nothing',
  '  --sheet     the XLSX sheet to read (default: the first visible one)',
  '  --lang      the language of the problems found (default vi)',
  '  --json      print the report as JSON',
  '  --list      the latest imports, newest first',
  '  --undo ID   put back what import ID replaced (only the latest import of a year can be undone)',
].join('\n');

export interface ImportCommandIo {
  db: Kysely<Database>;
  /** `cli:<user>`, as the audit log records it. */
  actor: string;
  now: () => Date;
  readFile: (path: string) => Promise<Uint8Array>;
  out: (line: string) => void;
  err: (line: string) => void;
}

type Parsed =
  | { mode: 'import'; file: string; dryRun: boolean; sheet: string | undefined; lang: Lang; json: boolean }
  | { mode: 'list'; json: boolean }
  | { mode: 'undo'; id: string }
  | { mode: 'usage'; message: string | null };

export function parseImportArgs(args: readonly string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        sheet: { type: 'string' },
        lang: { type: 'string' },
        json: { type: 'boolean' },
        list: { type: 'boolean' },
        undo: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { mode: 'usage', message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { mode: 'usage', message: null };
  const modes = [positionals.length > 0, values.list === true, values.undo !== undefined].filter(Boolean).length;
  if (modes !== 1 || positionals.length > 1) return { mode: 'usage', message: 'Give one file, or --list, or --undo ID.' };
  if (values.list) return { mode: 'list', json: values.json === true };
  if (values.undo !== undefined) return { mode: 'undo', id: values.undo };
  const lang = values.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') return { mode: 'usage', message: `--lang must be vi or en; got "${lang}".` };
  if (values.sheet !== undefined && values.sheet.trim() === '') return { mode: 'usage', message: '--sheet needs the name of a sheet.' };
  return { mode: 'import', file: positionals[0] as string, dryRun: values['dry-run'] === true, sheet: values.sheet, lang, json: values.json === true };
}

async function readInput(io: ImportCommandIo, path: string): Promise<Uint8Array | null> {
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : error instanceof Error ? error.message : String(error);
    io.err(`Cannot read ${path}: ${why}. Nothing was imported.`);
    return null;
  }
}

export async function runImportCommand(args: readonly string[], io: ImportCommandIo): Promise<number> {
  const command = parseImportArgs(args);
  if (command.mode === 'usage') {
    if (command.message) io.err(command.message);
    io.err(IMPORT_USAGE);
    return command.message ? 2 : 0;
  }
  if (command.mode === 'list') {
    const records = await listImports(io.db);
    if (command.json) io.out(JSON.stringify(records, null, 2));
    else for (const line of listLines(records)) io.out(line);
    return 0;
  }
  if (command.mode === 'undo') {
    try {
      const undone = await undoImport(io.db, command.id, { actor: io.actor, now: io.now() });
      for (const line of undoLines(undone)) io.out(line);
      return 0;
    } catch (error) {
      if (error instanceof UndoError) {
        io.err(`Nothing was undone: ${error.message}`);
        return 1;
      }
      throw error;
    }
  }
  const bytes = await readInput(io, command.file);
  if (bytes === null) return 1;
  const file = { fileName: basename(command.file), bytes, sheet: command.sheet };
  const report = command.dryRun ? await dryRunResults(io.db, file) : await importResults(io.db, file, { actor: io.actor, now: io.now() });
  if (command.json) io.out(JSON.stringify(report, null, 2));
  else for (const line of reportLines(report, command.lang, command.file)) (report.outcome === 'refused' ? io.err : io.out)(line);
  return report.outcome === 'refused' ? 1 : 0;
}
