// @vitest-environment node
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrateToLatest } from '../../../../server/db/migrate';
import { MEMORY_DATA_DIR, openDatabase, type StoreLocation } from '../../../../server/db/open';
import type { Database } from '../../../../server/db/schema';
import { readObservations } from '../../../../server/read/observations';
import { listImports } from '../../../../server/read/imports';
import { seedSampleIfEmpty } from '../../../../server/seed/sample';
import { dryRunResults, importResults, type ImportFile } from '../../../../server/write/imports/results';
import { undoImport, UndoError } from '../../../../server/write/imports/undo';
import { resultsFingerprint } from '../support/fingerprint';
import { sampleProvince } from '../support/implementations';
import { postgresWanted, startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres';
import { utf8, xlsx } from './fixtures';

/**
 * A results file into the hub, as `npm run import` and the import page do it: a dry run, the import (all or
 * nothing, recorded), the same file again, a year re-imported, undo; and bad files that leave the database as
 * it was (row counts and a hash). On PGlite and, where one can be started, on a PostgreSQL server.
 */

const START_TIMEOUT_MS = 120_000;
const WHO = { actor: 'cli:statistics', now: new Date('2026-03-10T03:00:00Z') };
const later = (minutes: number) => ({ ...WHO, now: new Date(WHO.now.getTime() + minutes * 60_000) });

const districts = sampleProvince()
  .units.filter((unit) => unit.level === 'district')
  .map((unit) => unit.code);

/** A PCI 2024 file for the districts: scores 60, 61, … (one component), no rank column. */
function pciFile(name: string, score: (index: number) => number = (i) => 60 + i, units = districts): ImportFile {
  const lines = units.map((code, i) => `pci,2024,${code},${score(i)},${(score(i) / 10).toFixed(2)}`);
  return { fileName: name, bytes: utf8(`Chỉ số,Năm,Mã đơn vị,Điểm,entry-costs\n${lines.join('\n')}\n`) };
}

const stored = async (db: Kysely<Database>) => (await readObservations(db, { indicators: ['pci'], periods: [2024], level: 'district' })).rows;

const stores: [string, () => Promise<StoreLocation>][] = [['PGlite', async () => ({ kind: 'pglite', dataDir: MEMORY_DATA_DIR })]];
let cluster: ThrowawayPostgres | undefined;
if (postgresWanted()) {
  stores.push([
    'PostgreSQL',
    async () => {
      cluster = await startThrowawayPostgres();
      return { kind: 'postgres', url: cluster.url };
    },
  ]);
}
afterAll(async () => {
  await cluster?.stop();
});

describe.each(stores)('a results import on %s', (_name, location) => {
  let db: Kysely<Database>;
  let seeded: Awaited<ReturnType<typeof stored>>;
  let seededPrint: string;
  beforeAll(async () => {
    db = openDatabase(await location());
    await migrateToLatest(db);
    await seedSampleIfEmpty(db, sampleProvince);
    seeded = await stored(db);
    seededPrint = await resultsFingerprint(db);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await db?.destroy();
  });

  const audit = () => db.selectFrom('audit_log').select(['actor', 'action', 'outcome', 'detail']).where('action', 'like', 'import%').orderBy('id').execute();

  test('a dry run says what would change and writes nothing', async () => {
    const report = await dryRunResults(db, pciFile('pci-2024.csv'));
    expect(report.outcome).toBe('dry-run');
    expect(report.problems).toEqual([]);
    expect(report.rows).toBe(districts.length);
    expect(report.scopes).toEqual([{ indicator: 'pci', period: 2024, level: 'district', counts: { added: 0, changed: districts.length, removed: 0, unchanged: 0 } }]);
    expect(report.changes[0]).toMatchObject({ kind: 'changed', unit: districts[0], before: { value: seeded[0]?.value }, after: { value: 60, components: { 'entry-costs': 6 } } });
    expect(report.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await resultsFingerprint(db)).toBe(seededPrint);
    expect(await audit()).toEqual([]);
  });

  test('the import replaces the year\'s rows of that index and level, ranked from the scores, and is recorded', async () => {
    const report = await importResults(db, pciFile('pci-2024.csv'), WHO);
    expect(report.outcome).toBe('imported');
    expect(report.importId).not.toBeNull();
    const rows = await stored(db);
    expect(rows.map((row) => [row.unit, row.value, row.rank, row.rankOf, row.components])).toEqual(
      districts.map((code, i) => [code, 60 + i, districts.length - i, districts.length, { 'entry-costs': Number(((60 + i) / 10).toFixed(2)) }]),
    );
    // Other years, indices and levels are as seeded.
    const province2024 = (await readObservations(db, { indicators: ['pci'], periods: [2024], level: 'province' })).rows;
    expect(province2024[0]?.rankOf).toBe(sampleProvince().observations.find((o) => o.indicator === 'pci' && o.period === 2024 && o.level === 'province')?.rankOf);
    expect((await readObservations(db, { indicators: ['pci'], periods: [2023], level: 'district' })).rows.length).toBe(districts.length);
    const [entry] = await listImports(db);
    expect(entry).toMatchObject({ id: report.importId, actor: 'cli:statistics', fileName: 'pci-2024.csv', sha256: report.file.sha256, counts: { changed: districts.length }, undone: null });
    expect(await audit()).toEqual([
      {
        actor: 'cli:statistics',
        action: 'import',
        outcome: 'done',
        detail: expect.objectContaining({ importId: report.importId, file: report.file, rows: districts.length, scopes: [{ indicator: 'pci', period: 2024, level: 'district' }] }),
      },
    ]);
    const meta = await db.selectFrom('hub_meta').select('data_changed_at').executeTakeFirstOrThrow();
    expect(meta.data_changed_at?.toISOString()).toBe(WHO.now.toISOString());
  });

  test('the same file again changes nothing', async () => {
    const before = await resultsFingerprint(db);
    const report = await importResults(db, pciFile('pci-2024.csv'), later(5));
    expect(report.outcome).toBe('unchanged');
    expect(report.importId).toBeNull();
    expect(report.counts).toEqual({ added: 0, changed: 0, removed: 0, unchanged: districts.length });
    expect(await resultsFingerprint(db)).toBe(before);
    expect((await audit()).at(-1)).toMatchObject({ outcome: 'done', detail: { unchanged: true } });
  });

  test('a corrected file shows what changed: one score, and a unit left out', async () => {
    const corrected = pciFile('pci-2024-v2.csv', (i) => (i === 0 ? 75 : 60 + i), districts.slice(0, -1));
    const report = await importResults(db, corrected, later(10));
    expect(report.counts).toEqual({ added: 0, changed: districts.length - 1, removed: 1, unchanged: 0 });
    const first = report.changes.find((c) => c.unit === districts[0]);
    expect(first).toMatchObject({ kind: 'changed', before: { value: 60 }, after: { value: 75, rank: 1 } });
    expect(report.changes.find((c) => c.kind === 'removed')).toMatchObject({ unit: districts.at(-1), before: { value: 60 + districts.length - 1 }, after: null });
    expect((await stored(db)).map((row) => row.unit)).toEqual(districts.slice(0, -1));
  });

  test('undo puts back what an import replaced, the latest first', async () => {
    const [second, first] = await listImports(db);
    if (!first || !second) throw new Error('two imports were expected');
    await expect(undoImport(db, first.id, later(20))).rejects.toMatchObject({ reason: 'superseded', laterImports: [second.id] });
    const undone = await undoImport(db, second.id, later(21));
    expect(undone).toMatchObject({ importId: second.id, restored: districts.length, removed: districts.length - 1 });
    expect((await stored(db)).map((row) => row.value)).toEqual(districts.map((_, i) => 60 + i));
    await expect(undoImport(db, second.id, later(22))).rejects.toMatchObject({ reason: 'already-undone' });
    await undoImport(db, first.id, later(23));
    expect(await stored(db)).toEqual(seeded);
    expect((await listImports(db)).map((entry) => entry.undone?.by)).toEqual(['cli:statistics', 'cli:statistics']);
    expect((await audit()).map((entry) => entry.action).slice(-2)).toEqual(['import-undo', 'import-undo']);
    await expect(undoImport(db, '999999', later(24))).rejects.toBeInstanceOf(UndoError);
  });

  describe('a bad file is refused, every problem named, and the database is unchanged', () => {
    const header = 'Chỉ số,Năm,Mã đơn vị,Điểm\n';
    // The header as an old Windows code page writes it: bytes that are not UTF-8.
    const latin1 = new Uint8Array(Buffer.from('Ch\u00ec s\u00f4,N\u00e0m,M\u00e0 \u00f0\u00f4n v\u00ec,\u00d0i\u00eam\npci,2024,990,61\n', 'latin1'));
    const cases: [string, () => Promise<ImportFile>, string][] = [
      ['in the wrong encoding', async () => ({ fileName: 'ansi.csv', bytes: latin1 }), 'encoding'],
      ['without the score column', async () => ({ fileName: 'no-score.csv', bytes: utf8('Chỉ số,Năm,Mã đơn vị\npci,2024,990\n') }), 'column-missing'],
      ['with a unit code not in the table', async () => ({ fileName: 'unknown.csv', bytes: utf8(`${header}pci,2024,00000,61\n`) }), 'unit-unknown'],
      ['with a score above the index\'s maximum', async () => ({ fileName: 'max.csv', bytes: utf8(`${header}pci,2024,990,100.5\n`) }), 'out-of-scale'],
      ['with a row twice', async () => ({ fileName: 'twice.csv', bytes: utf8(`${header}pci,2024,990,61\npci,2024,990,62\n`) }), 'duplicate-row'],
      ['of 50 MB', async () => ({ fileName: 'big.csv', bytes: new Uint8Array(50 * 1024 * 1024).fill(0x31) }), 'file-too-large'],
      [
        'with a formula cell',
        async () => ({ fileName: 'formula.xlsx', bytes: await xlsx('Kết quả', [['Chỉ số', 'Năm', 'Mã đơn vị', 'Điểm'], ['pci', 2024, '990', { formula: 'B2/33', result: 61.3 }]]) }),
        'formula',
      ],
    ];
    test.each(cases)('a file %s', async (_what, file, code) => {
      const before = await resultsFingerprint(db);
      const audited = (await audit()).length;
      const report = await importResults(db, await file(), later(30));
      expect(report.outcome).toBe('refused');
      expect(report.problems.map((p) => p.code)).toContain(code);
      for (const p of report.problems) {
        expect(p.message.vi.length).toBeGreaterThan(10);
        expect(p.message.en.length).toBeGreaterThan(10);
      }
      expect(await resultsFingerprint(db)).toBe(before);
      const entries = await audit();
      expect(entries.length).toBe(audited + 1);
      expect(entries.at(-1)).toMatchObject({ action: 'import', outcome: 'refused', detail: { problems: report.problems.length } });
    });
  });
});
