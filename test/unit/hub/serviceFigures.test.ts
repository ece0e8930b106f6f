// @vitest-environment node
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ServiceKpiRow, ServiceKpisResponse } from '../../../src/contract/serviceKpis';
import { toVnIso } from '../../../src/domain/time';
import { MEMORY_DATA_DIR } from '../../../server/db/open';
import { createHub } from '../../../server/http/hub';
import { feedSample } from '../../../server/seed/sampleService';
import { startHub, type RunningHub } from '../../../server/start';
import { ServiceRowsError, storeServiceRows } from '../../../server/write/serviceFigures';
import { url } from './support/cases';
import { serviceFingerprint } from './support/fingerprint';
import { AT, sampleApi, sampleProvince } from './support/implementations';

/**
 * Live figures in and history out, on one PGlite: what a source's snapshots do to today's figures and the closes,
 * what a bad batch is told, and the sample's feeder over the days that follow the suite's clock.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ store: { kind: 'pglite', dataDir: MEMORY_DATA_DIR }, sample: sampleProvince, now: () => AT });
}, 120_000);
afterAll(async () => {
  await hub.close();
});

/** The answer of `path` from a hub on the test's database whose clock reads `at`. */
async function ask(path: string, at: Date = AT): Promise<{ status: number; body: string }> {
  const response = await createHub({ db: hub.db, now: () => at })(new Request(url(path)));
  return { status: response.status, body: await response.text() };
}

async function todayOf(unit: string, at: Date = AT): Promise<ServiceKpisResponse> {
  return JSON.parse((await ask(`/service-kpis?unit=${unit}`, at)).body) as ServiceKpisResponse;
}

const fingerprint = () => serviceFingerprint(hub.db);

/** A commune's snapshot `minutes` after the suite's clock, with a few more files received. */
function laterSnapshot(row: ServiceKpiRow, minutes: number, extra: number): ServiceKpiRow {
  return { ...row, at: toVnIso(new Date(AT.getTime() + minutes * MINUTE)), counts: { ...row.counts, received: row.counts.received + extra } };
}

describe('snapshots a source sends', () => {
  test('refuses a batch with any bad row, naming each row, field and reason, and writes none of it', async () => {
    const [commune] = (await todayOf('99003')).data.rows;
    if (!commune) throw new Error('The sample has no figures for commune 99003.');
    const good = laterSnapshot(commune, 1, 1);
    const before = await fingerprint();
    // Each bad row at its own minute, so it is refused for its one fault only.
    const at = (minutes: number) => toVnIso(new Date(AT.getTime() + minutes * MINUTE));
    const batch = [
      good,
      { ...good, at: at(2), unit: '99999' },
      { ...good, at: at(3), unit: '99', level: 'commune' },
      { ...good, at: '2026-03-11T00:30:00+07:00' },
      { ...good, at: at(4), counts: { ...good.counts, resolvedOnTime: good.counts.resolved + 1 } },
      { ...good, at: at(5), rates: { ...good.rates, speed: 50 } },
      { ...good, at: at(6), counts: { ...good.counts, received: -1 } },
      good,
    ];
    const error = await hub.db
      .transaction()
      .execute((trx) => storeServiceRows(trx, batch, 'one-stop-shop'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceRowsError);
    expect((error as ServiceRowsError).issues).toEqual([
      { row: 1, field: 'unit', reason: 'No unit "99999"; GET /units lists the unit codes.' },
      { row: 2, field: 'level', reason: 'Unit "99" is a province, not a commune.' },
      { row: 3, field: 'at', reason: "2026-03-11T00:30:00+07:00 is not on 2026-03-10 in the province's time (Asia/Ho_Chi_Minh)." },
      { row: 4, field: 'counts.resolvedOnTime', reason: 'More files resolved on time than resolved.' },
      { row: 5, field: 'rates.speed', reason: '"speed" is not a service KPI of the catalogue (on-time, online, fully-online, online-payment, digitisation, satisfaction).' },
      { row: 6, field: 'counts.received', reason: expect.stringContaining('>=0') },
      { row: 7, field: '', reason: 'The same unit and instant as row 0.' },
    ]);
    expect(await fingerprint()).toBe(before);
  });

  test("make a later snapshot the unit's figures of today; a late push of an earlier one, or the same one again, changes nothing", async () => {
    const [commune] = (await todayOf('99006')).data.rows;
    if (!commune) throw new Error('The sample has no figures for commune 99006.');
    const store = (rows: ServiceKpiRow[]) => hub.db.transaction().execute((trx) => storeServiceRows(trx, rows, 'one-stop-shop'));

    expect(await store([laterSnapshot(commune, 5, 3)])).toEqual({ snapshots: 1 });
    const later = await todayOf('99006', new Date(AT.getTime() + 5 * MINUTE));
    expect(later.data.rows).toEqual([laterSnapshot(commune, 5, 3)]);

    const settled = await fingerprint();
    expect(await store([laterSnapshot(commune, 5, 3)])).toEqual({ snapshots: 0 });
    expect(await fingerprint()).toBe(settled);

    // Kept as a snapshot, but the day's figures stay the later ones.
    expect(await store([laterSnapshot(commune, -5, 0)])).toEqual({ snapshots: 1 });
    expect((await todayOf('99006', new Date(AT.getTime() + 5 * MINUTE))).data.rows).toEqual([laterSnapshot(commune, 5, 3)]);
  });
});

describe("the sample's feeder, the days after the suite's clock", () => {
  const province = sampleProvince();

  test('closes the day just ended with its figures at 23:59, so the next day answers as the sample API does', async () => {
    const next = new Date(AT.getTime() + DAY);
    // 10 March held the 10:00 figures (and a source's later ones): the day's close replaces them.
    expect(await feedSample(hub.db, province, next, { backfill: true })).toEqual({ backfilledDays: 1, snapshots: 81 });
    const sample = sampleApi(province, () => next);
    for (const path of ['/service-kpis/closes', '/units/99006/service-history', '/service-kpis?level=province']) {
      const expected = await (await sample(new Request(url(path)))).text();
      expect((await ask(path, next)).body).toBe(expected);
    }
  });

  test("keeps the sample's own snapshots for two days, and every day's close for good", async () => {
    const later = new Date(AT.getTime() + 3 * DAY);
    expect(await feedSample(hub.db, province, later, { backfill: true })).toEqual({ backfilledDays: 2, snapshots: 81 });
    const { rows } = await sql<{ day: string; source: string; n: number }>`
      select day::text as day, source, count(*)::int as n from service_snapshots group by day, source order by day, source`.execute(hub.db);
    expect(rows).toEqual([
      { day: '2026-03-10', source: 'one-stop-shop', n: 2 },
      { day: '2026-03-11', source: 'sample', n: 81 },
      { day: '2026-03-13', source: 'sample', n: 81 },
    ]);
    const closes = await sql<{ n: number }>`select count(*)::int as n from service_day_closes where day = '2026-03-10'`.execute(hub.db);
    expect(closes.rows[0]?.n).toBe(81);
  });
});

describe("a province's own figures", () => {
  test('are stamped with when they were taken, and at night say there is nothing yet today', async () => {
    await hub.db.updateTable('hub_meta').set({ sample: false }).execute();
    const taken = new Date(AT.getTime() + 3 * DAY);
    expect((await todayOf('99', new Date(taken.getTime() + 30 * MINUTE))).asOf).toBe(toVnIso(taken));
    const night = await todayOf('99', new Date('2026-03-13T17:30:00Z'));
    expect(night).toMatchObject({ asOf: '2026-03-14T00:00:00+07:00', sample: false, data: { rows: [] } });
  });
});
