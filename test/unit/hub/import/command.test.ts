// @vitest-environment node
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImportCommand } from '../../../../server/cli/importCommand';
import { migrateToLatest } from '../../../../server/db/migrate';
import { MEMORY_DATA_DIR, openDatabase } from '../../../../server/db/open';
import type { Database } from '../../../../server/db/schema';
import { createHub } from '../../../../server/http/hub';
import { API_PREFIX } from '../../../../src/contract/routes';
import { seedSampleIfEmpty } from '../../../../server/seed/sample';
import { resultsFingerprint } from '../support/fingerprint';
import { sampleProvince } from '../support/implementations';
import { utf8 } from './fixtures';

/**
 * `npm run import` as the statistics office uses it: what it prints, what it writes and the exit code a script
 * can test, for a dry run, an import, the list, an undo, a refused file, a missing file and a wrong command.
 */

const districts = sampleProvince()
  .units.filter((unit) => unit.level === 'district')
  .map((unit) => unit.code);

/** The files on the "disk" the command reads from. */
const files: Record<string, Uint8Array> = {
  '/in/pci-2024.csv': utf8(`Chỉ số;Năm;Mã đơn vị;Điểm\n${districts.map((code, i) => `pci;2024;${code};${60 + i},5`).join('\n')}\n`),
  '/in/comma.csv': utf8(`Chỉ số,Năm,Mã đơn vị,Điểm\npci,2024,${districts[0]},58,25\n`),
};

function enoent(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
}

let db: Kysely<Database>;
let minute = 0;
/** The district PCI 2024 answer's ETag before anything was imported. */
let etagBefore: string | null;

/** Runs the command as a user would, returning its exit code and what it printed to stdout and stderr. */
async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImportCommand(args, {
    db,
    actor: 'cli:thongke',
    now: () => new Date(Date.UTC(2026, 2, 10, 3, minute++)),
    readFile: async (path) => {
      const bytes = files[path];
      if (bytes === undefined) throw enoent(path);
      return bytes;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  db = openDatabase({ kind: 'pglite', dataDir: MEMORY_DATA_DIR });
  await migrateToLatest(db);
  await seedSampleIfEmpty(db, sampleProvince);
  const hub = createHub({ db, now: () => new Date('2026-03-10T05:00:00Z') });
  etagBefore = (await hub(new Request(`http://hub${API_PREFIX}/observations?indicator=pci&period=2024&level=district`))).headers.get('etag');
}, 120_000);
afterAll(async () => {
  await db?.destroy();
});

describe('npm run import', () => {
  test('a dry run prints what would change, names the command that imports it, and writes nothing', async () => {
    const before = await resultsFingerprint(db);
    const { code, out } = await run('/in/pci-2024.csv', '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain(`pci-2024.csv`);
    expect(out).toContain(`: ${districts.length} rows.`);
    expect(out).toContain('Dry run: nothing was written.');
    expect(out).toContain(`pci 2024 district: 0 added, ${districts.length} changed, 0 removed, 0 unchanged`);
    expect(out).toMatch(new RegExp(`changed pci 2024 ${districts[0]}: score [\\d.]+ → 60\\.5; rank \\d+/${districts.length} → rank ${districts.length}/${districts.length}`));
    expect(out).toContain('To import it: npm run import -- /in/pci-2024.csv');
    expect(await resultsFingerprint(db)).toBe(before);
    expect((await run('--list')).out).toBe('No imports yet.');
  });

  test('an import prints its id and how to undo it, and the list shows who imported what', async () => {
    const { code, out } = await run('/in/pci-2024.csv');
    expect(code).toBe(0);
    expect(out).toContain('Imported.');
    expect(out).toMatch(/Import (\d+); to undo it: npm run import -- --undo \1/);
    const list = await run('--list');
    expect(list.out.split('\t')).toEqual(['1', '2026-03-10T03:00:00.000Z', 'cli:thongke', 'pci-2024.csv', 'pci 2024 district', `0 added, ${districts.length} changed, 0 removed, 0 unchanged`, 'in force']);
    const json = JSON.parse((await run('--list', '--json')).out) as { id: string; fileName: string }[];
    expect(json).toMatchObject([{ id: '1', fileName: 'pci-2024.csv' }]);
  });

  test('the hub serves the imported figures at once, with a new asOf and ETag', async () => {
    const hub = createHub({ db, now: () => new Date('2026-03-10T05:00:00Z') });
    const answer = await hub(new Request(`http://hub${API_PREFIX}/observations?indicator=pci&period=2024&level=district`));
    const body = (await answer.json()) as { asOf: string; data: { rows: { unit: string; value: number }[] } };
    expect(body.asOf).toBe('2026-03-10T10:00:00+07:00');
    expect(body.data.rows.find((row) => row.unit === districts[0])?.value).toBe(60.5);
    expect(answer.headers.get('etag')).not.toBe(etagBefore);
  });

  test('the same file again writes nothing and says so', async () => {
    const before = await resultsFingerprint(db);
    const { code, out } = await run('/in/pci-2024.csv');
    expect(code).toBe(0);
    expect(out).toContain('Nothing to import: the hub already holds exactly these figures.');
    expect(await resultsFingerprint(db)).toBe(before);
  });

  test('undo puts the figures back; undoing again is refused with exit code 1 and says when it was undone', async () => {
    const undone = await run('--undo', '1');
    expect(undone.code).toBe(0);
    expect(undone.out).toContain(`Import 1 was undone: ${districts.length} rows put back as they were`);
    expect((await run('--list')).out).toContain('undone 2026-03-10T03:');
    const again = await run('--undo', '1');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^Nothing was undone: Import 1 \(pci-2024\.csv\) was undone on 2026-03-10T03:\d\d:00\.000Z by cli:thongke\./);
  });

  test('a refused file exits 1 with every problem on stderr, in Vietnamese unless English is asked for', async () => {
    const before = await resultsFingerprint(db);
    const vi = await run('/in/comma.csv');
    expect(vi.code).toBe(1);
    expect(vi.out).toBe('');
    expect(vi.err).toContain('Refused: nothing was written.');
    expect(vi.err).toContain('[comma, row 2, column E] Ô E2 có giá trị "25" nhưng cột E không có tiêu đề ở dòng 1.');
    const en = await run('/in/comma.csv', '--lang', 'en');
    expect(en.err).toContain('[comma, row 2, column E] Cell E2 holds "25" but column E has no header in row 1.');
    expect(await resultsFingerprint(db)).toBe(before);
  });

  test('--json prints the whole report for a script', async () => {
    const { code, out } = await run('/in/comma.csv', '--json', '--dry-run');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ outcome: 'refused', importId: null, problems: [{ row: 2, column: 'E', code: 'column-unknown' }] });
  });

  test('a file that is not there exits 1 naming it', async () => {
    expect(await run('/in/nope.csv')).toMatchObject({ code: 1, err: 'Cannot read /in/nope.csv: there is no such file. Nothing was imported.' });
  });

  test.each([
    [[], 'Give one file, or --list, or --undo ID.'],
    [['/in/pci-2024.csv', '--list'], 'Give one file, or --list, or --undo ID.'],
    [['/in/pci-2024.csv', '/in/comma.csv'], 'Give one file, or --list, or --undo ID.'],
    [['/in/pci-2024.csv', '--lang', 'fr'], '--lang must be vi or en; got "fr".'],
    [['/in/pci-2024.csv', '--force'], "Unknown option '--force'"],
  ])('a wrong command %j exits 2 with the reason and the usage', async (args, reason) => {
    const { code, err } = await run(...args);
    expect(code).toBe(2);
    expect(err).toContain(reason);
    expect(err).toContain('Usage:');
  });
});

describe('npm run import on a hub with no unit table', () => {
  test('says to import the unit table first, once, instead of refusing every row', async () => {
    const empty = openDatabase({ kind: 'pglite', dataDir: MEMORY_DATA_DIR });
    try {
      await migrateToLatest(empty);
      const err: string[] = [];
      const code = await runImportCommand(['/in/pci-2024.csv', '--lang', 'en'], {
        db: empty,
        actor: 'cli:thongke',
        now: () => new Date(Date.UTC(2026, 2, 10)),
        readFile: async (path) => files[path] ?? Promise.reject(enoent(path)),
        out: () => undefined,
        err: (line) => err.push(line),
      });
      expect(code).toBe(1);
      expect(err).toEqual([
        expect.stringContaining('pci-2024.csv'),
        'Refused: nothing was written. Correct the file and import it again.',
        '1 problem:',
        '  The hub holds no unit table or indicator catalogue yet, so results cannot be checked: import the unit table first (or start the hub once for the sample province).',
      ]);
    } finally {
      await empty.destroy();
    }
  }, 60_000);
});
