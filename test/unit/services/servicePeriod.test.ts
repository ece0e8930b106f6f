import { describe, expect, it } from 'vitest';
import { chooseServiceShown, figuresShown, monthTrendDays } from '../../../src/domain/servicePeriod';
import type { ServiceCloses, ServicePeriodFigures, ServiceSnapshot } from '../../../src/domain/types';
import { formatDay, formatMonth } from '../../../src/domain/format';

const counts = (resolved: number) => ({ received: resolved + 10, resolved, resolvedOnTime: resolved, pending: 50, overdue: 1 });
const live = (resolved: number, day = '2026-03-10'): ServiceSnapshot => ({
  unit: '99',
  level: 'province',
  day,
  at: `${day}T10:00:00+07:00`,
  counts: counts(resolved),
  rates: { 'on-time': resolved > 0 ? 98 : null },
});
const closeRow = (unit: string, level: string, day: string, resolved: number): ServicePeriodFigures => ({
  unit,
  level,
  period: { kind: 'day', from: day, to: day },
  counts: counts(resolved),
  rates: { 'on-time': resolved > 0 ? 97.5 : null },
});
const closes = (today: string, working: boolean, holiday: string | null = null): ServiceCloses => ({
  today,
  lastWorkingDay: '2026-03-09',
  calendar: [
    { day: '2026-03-09', working: true, holiday: null },
    { day: today, working, holiday },
  ],
  rows: [closeRow('99', 'province', '2026-03-09', 5000), closeRow('9901', 'commune', '2026-03-09', 0)],
});

describe('which one-stop-shop figures a screen shows', () => {
  it("shows today's once the province has resolved a tenth of its last working day", () => {
    expect(chooseServiceShown(live(500), closes('2026-03-10', true), 'province')).toEqual({ kind: 'today', day: '2026-03-10', at: '2026-03-10T10:00:00+07:00' });
  });

  it("shows the last working day's close at night, when today has too few files to rate", () => {
    expect(chooseServiceShown(live(12), closes('2026-03-10', true), 'province')).toMatchObject({ kind: 'close', day: '2026-03-09', why: 'early' });
  });

  it('says why on a weekend and on a public holiday', () => {
    expect(chooseServiceShown(live(900, '2026-03-08'), closes('2026-03-08', false), 'province')).toMatchObject({ kind: 'close', why: 'day-off', today: '2026-03-08' });
    expect(chooseServiceShown(live(900, '2026-04-30'), closes('2026-04-30', false, 'Ngày Thống nhất'), 'province')).toMatchObject({
      kind: 'close',
      why: 'holiday',
      holiday: 'Ngày Thống nhất',
    });
  });

  it("chooses nothing until today's figures have answered, and says when they failed", () => {
    expect(chooseServiceShown(null, closes('2026-03-10', true), 'province', 'pending')).toBeNull();
    expect(chooseServiceShown(null, closes('2026-03-10', true), 'province', 'failed')).toMatchObject({ kind: 'close', why: 'unavailable' });
  });

  it("chooses nothing until the closes have answered, so a Sunday's handful of files never flashes as today's", () => {
    expect(chooseServiceShown(live(900, '2026-03-08'), null, 'province', 'ready', 'pending')).toBeNull();
    expect(chooseServiceShown(live(900, '2026-03-08'), closes('2026-03-08', false), 'province', 'ready', 'ready')).toMatchObject({ kind: 'close', why: 'day-off' });
    expect(chooseServiceShown(live(900, '2026-03-08'), null, 'province', 'ready', 'failed')).toMatchObject({ kind: 'today' });
  });

  it("shows today's, as before, from an API that serves no closes", () => {
    expect(chooseServiceShown(live(3), null, 'province')).toMatchObject({ kind: 'today' });
    expect(chooseServiceShown(null, null, 'province')).toBeNull();
  });

  it("gives the close's rows in the live shape, a unit without files included", () => {
    const shown = chooseServiceShown(live(12), closes('2026-03-10', true), 'province');
    const rows = figuresShown(shown, [live(12)], closes('2026-03-10', true));
    expect(rows.map((r) => [r.unit, r.day, r.counts.resolved, r.rates['on-time']])).toEqual([
      ['99', '2026-03-09', 5000, 97.5],
      ['9901', '2026-03-09', 0, null],
    ]);
  });
});

describe("a month's trend", () => {
  const day = (d: string): ServicePeriodFigures => closeRow('99', 'province', d, 100);
  const calendar = ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03'].map((d) => ({ day: d, working: !['2026-02-28', '2026-03-01'].includes(d), holiday: null }));

  it("draws this month's working days, leaving out days off", () => {
    const days = monthTrendDays({ today: '2026-03-04', calendar, days: ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03'].map(day) });
    expect(days.map((d) => d.period.from)).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('early in a month, draws the month before', () => {
    const days = monthTrendDays({ today: '2026-03-03', calendar, days: ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'].map(day) });
    expect(days.map((d) => d.period.from)).toEqual(['2026-02-27']);
  });
});

describe('calendar days in words', () => {
  it('writes a day the same in every time zone, with its weekday', () => {
    expect(formatDay('2026-03-09', 'vi')).toBe('09/03');
    expect(formatDay('2026-03-09', 'vi', { weekday: true })).toBe('Thứ Hai, 09/03');
    expect(formatDay('2026-03-09', 'en', { weekday: true, withYear: true })).toBe('Mon 9 Mar 2026');
    expect(formatMonth('2026-03-01', 'vi')).toBe('tháng 3/2026');
    expect(formatMonth('2026-03-01', 'en')).toBe('March 2026');
  });
});
