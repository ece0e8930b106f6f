import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ServiceKpiRow } from '../../../src/contract';
import { generateProvince, serviceKpisAt } from '../../../mocks/generator';

const province = generateProvince({ seed: 777 });
const KPIS = ['on-time', 'online', 'fully-online', 'online-payment', 'digitisation', 'satisfaction'];
/** Tuesday 10 March 2026, 07:00 in Vietnam. */
const MORNING = Date.parse('2026-03-10T07:00:00+07:00');
const at = (minutesAfter7: number) => new Date(MORNING + minutesAfter7 * 60_000);

/** Every minute from 07:00 to 17:30 of one working day. */
const day = Array.from({ length: 631 }, (_, m) => serviceKpisAt(province, at(m)));

/** Asserts lo <= x <= hi. */
function expectWithin(x: number | null | undefined, lo: number, hi: number): void {
  expect(x).toBeGreaterThanOrEqual(lo);
  expect(x).toBeLessThanOrEqual(hi);
}

/** What is wrong with a row, as readable strings (plain checks: this runs over 50,000 rows). */
function problemsOf(row: ServiceKpiRow, validate = true): string[] {
  const problems: string[] = [];
  const where = `${row.unit} ${row.at}`;
  if (validate && !v.safeParse(ServiceKpiRow, row).success) problems.push(`${where}: fails the contract schema`);
  const { received, resolved, resolvedOnTime, pending, overdue } = row.counts;
  for (const count of [received, resolved, resolvedOnTime, pending, overdue]) {
    if (!Number.isInteger(count) || count < 0) problems.push(`${where}: count ${count} is not a whole number >= 0`);
  }
  if (resolvedOnTime > resolved) problems.push(`${where}: resolvedOnTime ${resolvedOnTime} > resolved ${resolved}`);
  if (overdue > pending) problems.push(`${where}: overdue ${overdue} > pending ${pending}`);
  if (Object.keys(row.rates).sort().join() !== [...KPIS].sort().join()) problems.push(`${where}: rates keyed ${Object.keys(row.rates).join()}`);
  const onTime = row.rates['on-time'];
  if (resolved === 0 && onTime !== null) problems.push(`${where}: on-time ${onTime} with nothing resolved`);
  if (resolved > 0 && Math.abs((onTime ?? -1) - (resolvedOnTime / resolved) * 100) > 0.05 + 1e-9) {
    problems.push(`${where}: on-time ${onTime} but counts say ${(resolvedOnTime / resolved) * 100}`);
  }
  for (const id of KPIS) {
    const rate = row.rates[id];
    if (rate === null || rate === undefined) continue;
    if (rate < 0 || rate > 100 || Math.abs(rate * 10 - Math.round(rate * 10)) > 1e-6) problems.push(`${where}: ${id} ${rate} not a percentage to 1 decimal`);
  }
  const online = row.rates.online;
  const fully = row.rates['fully-online'];
  if (online != null && fully != null && fully > online) problems.push(`${where}: fully-online ${fully} > online ${online}`);
  return problems;
}

describe('serviceKpisAt', () => {
  it('gives the province row then one row per commune, stamped with the minute in Vietnam time', () => {
    const rows = serviceKpisAt(province, new Date(Date.parse('2026-03-10T09:30:42.500+07:00')));
    const communes = province.units.filter((u) => u.level === 'commune').map((u) => u.code);
    expect(rows.map((r) => r.unit)).toEqual(['99', ...communes]);
    expect(rows[0]?.level).toBe('province');
    for (const row of rows.slice(1)) expect(row.level).toBe('commune');
    for (const row of rows) {
      expect(row.day).toBe('2026-03-10');
      expect(row.at).toBe('2026-03-10T09:30:00+07:00');
    }
  });

  it('is deterministic: the same instant gives the same rows, from a fresh province too', () => {
    const instant = new Date(Date.parse('2026-03-10T14:07:00+07:00'));
    const fresh = generateProvince({ seed: 777 });
    expect(JSON.stringify(serviceKpisAt(fresh, instant))).toBe(JSON.stringify(serviceKpisAt(province, instant)));
    expect(JSON.stringify(serviceKpisAt(province, new Date(instant.getTime() + 59_000)))).toBe(JSON.stringify(serviceKpisAt(province, instant)));
    const other = generateProvince({ seed: 778 });
    expect(JSON.stringify(serviceKpisAt(other, instant).slice(1))).not.toBe(JSON.stringify(serviceKpisAt(province, instant).slice(1)));
  });

  it('keeps every row internally consistent through a working day', () => {
    // Schema checks every 10 minutes (they are the slow part), arithmetic every minute.
    const problems = day.flatMap((rows, m) => rows.flatMap((row) => problemsOf(row, m % 10 === 0)));
    expect(problems).toEqual([]);
  });

  it('sums the communes into the province row', () => {
    for (const rows of [day[0], day[200], day[630]]) {
      const [top, ...communes] = rows ?? [];
      for (const key of ['received', 'resolved', 'resolvedOnTime', 'pending', 'overdue'] as const) {
        expect(top?.counts[key]).toBe(communes.reduce((t, r) => t + r.counts[key], 0));
      }
    }
  });

  it('accumulates counts through office hours, lighter at lunch, and keeps the carried backlog', () => {
    const received = (m: number) => day[m]?.[0]?.counts.received ?? 0;
    for (let m = 1; m < day.length; m++) expect(received(m)).toBeGreaterThanOrEqual(received(m - 1));
    const morningHour = received(240) - received(180); // 10:00–11:00
    const lunchHour = received(330) - received(270); // 11:30–12:30
    expect(lunchHour).toBeLessThan(morningHour / 3);
    expect(day[0]?.[0]?.counts.resolved).toBe(0);
    expect(day[600]?.[0]?.counts.resolved).toBeGreaterThan(0);
    const dailyVolume = province.service.find((p) => p.level === 'province')?.dailyVolume ?? 0;
    for (const rows of day) {
      const pending = rows[0]?.counts.pending ?? 0;
      expect(pending).toBeGreaterThan(dailyVolume);
      expect(pending).toBeLessThan(6 * dailyVolume);
    }
  });

  it('keeps rates at plausible levels', () => {
    const noon = day[300]?.[0]?.rates ?? {};
    expect(noon['on-time']).toBeGreaterThanOrEqual(95);
    expectWithin(noon.online, 10, 40);
    expectWithin(noon['fully-online'], 5, 30);
    expectWithin(noon['online-payment'], 30, 60);
    expectWithin(noon.digitisation, 50, 90);
    expectWithin(noon.satisfaction, 88, 99);
  });

  it('drifts smoothly from minute to minute outside dips', () => {
    for (let m = 1; m < day.length; m++) {
      const a = day[m - 1]?.[0]?.rates.digitisation;
      const b = day[m]?.[0]?.rates.digitisation;
      if (a != null && b != null) expect(Math.abs(b - a)).toBeLessThan(1);
    }
  });

  it('lets a commune cross below 90 % on time for 10–30 minutes, then recover', () => {
    const below = new Map<string, number[]>();
    day.forEach((rows, m) => {
      for (const row of rows.slice(1)) {
        const rate = row.rates['on-time'];
        if (rate !== null && rate !== undefined && rate < 90) below.set(row.unit, [...(below.get(row.unit) ?? []), m]);
      }
    });
    expect(below.size).toBeGreaterThanOrEqual(1);
    for (const [unit, minutes] of below) {
      expect(minutes.length).toBeGreaterThanOrEqual(10);
      const last = minutes[minutes.length - 1] ?? 0;
      const after = day[last + 1]?.find((r) => r.unit === unit)?.rates['on-time'];
      expect(after).toBeGreaterThanOrEqual(90);
    }
    for (const row of day[630] ?? []) expect(row.rates['on-time'] ?? 100).toBeGreaterThanOrEqual(90);
  });

  it('stays above every threshold all day when natural dips are turned off', () => {
    const calm = { ...province, dips: false };
    for (let m = 0; m <= 630; m += 3) {
      for (const row of serviceKpisAt(calm, at(m))) {
        expect(row.rates['on-time'] ?? 100).toBeGreaterThanOrEqual(90);
        expect(row.rates.satisfaction ?? 100).toBeGreaterThanOrEqual(85);
      }
    }
  });

  it('lets satisfaction dip below 85 % now and then on working days', () => {
    let dipped = 0;
    for (const date of ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']) {
      const start = Date.parse(`${date}T08:00:00+07:00`);
      for (let m = 0; m < 540; m += 5) {
        for (const row of serviceKpisAt(province, new Date(start + m * 60_000))) {
          if (row.rates.satisfaction !== null && (row.rates.satisfaction ?? 100) < 85) dipped++;
        }
      }
    }
    expect(dipped).toBeGreaterThan(0);
  });

  it('is quiet at night and at weekends, with rates null until something happens', () => {
    const night = serviceKpisAt(province, new Date(Date.parse('2026-03-10T00:30:00+07:00')));
    for (const row of night) {
      expect(problemsOf(row)).toEqual([]);
      expect(row.counts.resolved).toBe(0);
      expect(row.rates['on-time']).toBeNull();
    }
    const saturdayNoon = serviceKpisAt(province, new Date(Date.parse('2026-03-14T12:00:00+07:00')))[0];
    const weekdayNoon = day[300]?.[0];
    expect(saturdayNoon?.counts.received ?? 0).toBeLessThan((weekdayNoon?.counts.received ?? 0) / 5);
  });
});
