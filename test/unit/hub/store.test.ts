// @vitest-environment node
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SampleProvince } from '../../../mocks/generator/types';
import { migrateToLatest } from '../../../server/db/migrate';
import { MIGRATIONS } from '../../../server/db/migrations';
import { MEMORY_DATA_DIR, openDatabase } from '../../../server/db/open';
import type { Database } from '../../../server/db/schema';
import { createHub } from '../../../server/http/hub';
import { seedSampleIfEmpty } from '../../../server/seed/sample';
import { url } from './support/cases';
import { fixedClock, sampleProvince } from './support/implementations';

/**
 * The store on one in-memory PGlite, in order: migrations on an empty database, the hub before any data,
 * a seed that fails half-way, the seed, and the second start that changes nothing.
 */

const START_TIMEOUT_MS = 120_000;
let db: Kysely<Database>;
beforeAll(() => {
  db = openDatabase({ kind: 'pglite', dataDir: MEMORY_DATA_DIR });
});
afterAll(async () => {
  await db.destroy();
});

const TABLES = ['audit_log', 'boundaries', 'components', 'crosswalk', 'events', 'hub_meta', 'import_replaced', 'imports', 'indicator_levels', 'indicators', 'levels', 'methodology_breaks', 'national_standings', 'observation_components', 'observations', 'service_calendar', 'service_day_closes', 'service_snapshots', 'sources', 'units'];

async function tableNames(): Promise<string[]> {
  return (await db.introspection.getTables()).map((table) => table.name).sort();
}

/** Rows per table: what a caller of the store could tell apart. */
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    out[table] = rows[0]?.n ?? -1;
  }
  return out;
}

const hub = () => createHub({ db, now: fixedClock });

describe('migrations', () => {
  test(
    'bring an empty database to the latest schema, every table of the hub in place',
    async () => {
      expect(await tableNames()).toEqual([]);
      const report = await migrateToLatest(db);
      expect(report.applied).toEqual(Object.keys(MIGRATIONS));
      expect(await tableNames()).toEqual(TABLES);
    },
    START_TIMEOUT_MS,
  );

  test('change nothing when run again', async () => {
    const columns = JSON.stringify(await db.introspection.getTables());
    expect((await migrateToLatest(db)).applied).toEqual([]);
    expect(JSON.stringify(await db.introspection.getTables())).toBe(columns);
  });

  test('refuse rows the contract would refuse', async () => {
    await expect(db.insertInto('levels').values({ id: '', position: 0, name: 'x', name_en: null, depth: 0, valid_from: null, valid_to: null }).execute()).rejects.toThrow(
      /check constraint/,
    );
    await expect(db.insertInto('levels').values({ id: 'deep', position: 0, name: 'x', name_en: null, depth: 7, valid_from: null, valid_to: null }).execute()).rejects.toThrow(
      /check constraint/,
    );
    await expect(
      db.insertInto('levels').values({ id: 'backwards', position: 0, name: 'x', name_en: null, depth: 1, valid_from: '2025-07-01', valid_to: '2025-06-30' }).execute(),
    ).rejects.toThrow(/check constraint/);
    expect((await counts()).levels).toBe(0);
  });
});

describe('before any data', () => {
  test('the hub answers 503, with a problem that says why', async () => {
    const response = await hub()(new Request(url('/meta')));
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await response.json()).toMatchObject({ status: 503, detail: expect.stringContaining('no data yet') });
  });
});

describe('the seed', () => {
  test('that fails half-way leaves the database empty', async () => {
    const good = sampleProvince();
    const lastUnit = good.units.at(-1)?.code ?? '';
    // An observation of a unit that is not in the unit table: refused by its foreign key, after every unit went in.
    const broken: SampleProvince = { ...good, observations: [...good.observations, { ...good.observations[0]!, unit: `${lastUnit}-missing` }] };
    await expect(seedSampleIfEmpty(db, () => broken)).rejects.toThrow(/foreign key/);
    expect(Object.values(await counts()).every((n) => n === 0)).toBe(true);
  });

  test(
    'loads the sample province into an empty database, every row of it',
    async () => {
      const province = sampleProvince();
      expect(await seedSampleIfEmpty(db, () => province)).toBe('seeded');
      const componentScores = province.observations.reduce((n, row) => n + Object.keys(row.components ?? {}).length, 0);
      expect(await counts()).toEqual({
        audit_log: 0,
        boundaries: Object.values(province.boundaries).reduce((n, features) => n + features.length, 0),
        events: province.events.length,
        national_standings: province.national.length,
        components: province.indicators.reduce((n, indicator) => n + indicator.components.length, 0),
        crosswalk: province.crosswalk.length,
        hub_meta: 1,
        imports: 0,
        import_replaced: 0,
        indicator_levels: province.indicators.reduce((n, indicator) => n + indicator.levels.length, 0),
        indicators: province.indicators.length,
        levels: province.meta.levels.length,
        methodology_breaks: province.indicators.reduce((n, indicator) => n + indicator.breaks.length, 0),
        observation_components: componentScores,
        observations: province.observations.length,
        // The sample's one-stop-shop history is fed when the hub starts (server/seed/sampleService.ts), not seeded.
        service_calendar: 0,
        service_day_closes: 0,
        service_snapshots: 0,
        sources: 0,
        units: province.units.length,
      });
      const meta = await hub()(new Request(url('/meta')));
      expect(meta.status).toBe(200);
      expect(await meta.json()).toMatchObject({ sample: true, data: { province: { code: province.meta.province.code } } });
    },
    START_TIMEOUT_MS,
  );

  test('changes nothing on a second start, and does not even generate the sample', async () => {
    const before = await counts();
    const etag = (await hub()(new Request(url('/observations')))).headers.get('etag');
    let generated = false;
    const outcome = await seedSampleIfEmpty(db, () => {
      generated = true;
      return sampleProvince();
    });
    expect(outcome).toBe('already-loaded');
    expect(generated).toBe(false);
    expect(await counts()).toEqual(before);
    expect((await hub()(new Request(url('/observations')))).headers.get('etag')).toBe(etag);
  });
});
