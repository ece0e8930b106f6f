import { describe, expect, it } from 'vitest';
import { generateProvince, serviceKpisAt } from '../../../mocks/generator';
import { isWorkingDay } from '../../../mocks/generator/calendar';
import { dayClose, serviceClosesAt, serviceHistoryAt } from '../../../mocks/generator/serviceHistory';

const province = generateProvince({ seed: 766 });
const provinceCode = province.service[0]?.unit ?? '';
const commune = province.service[1]?.unit ?? '';
/** Tuesday 10 March 2026, 01:00 in Vietnam. */
const tuesdayNight = new Date('2026-03-10T01:00:00+07:00');

describe("the sample's closed periods of the one-stop-shop KPIs", () => {
  it('gives the same closes for the same seed and day, whoever asks and whenever', () => {
    const again = generateProvince({ seed: 766 });
    expect(JSON.stringify(serviceClosesAt(again, tuesdayNight))).toBe(JSON.stringify(serviceClosesAt(province, tuesdayNight)));
    expect(JSON.stringify(serviceClosesAt(province, new Date('2026-03-10T16:30:00+07:00')))).toBe(JSON.stringify(serviceClosesAt(province, tuesdayNight)));
  });

  it("at 01:00 on a Tuesday holds Monday's close and the month from the 1st through Monday", () => {
    const closes = serviceClosesAt(province, tuesdayNight);
    expect(closes.today).toBe('2026-03-10');
    expect(closes.lastWorkingDay).toBe('2026-03-09');
    const rows = closes.rows.filter((r) => r.unit === provinceCode);
    expect(rows.map((r) => r.period)).toEqual([
      { kind: 'day', from: '2026-03-09', to: '2026-03-09' },
      { kind: 'month-to-date', from: '2026-03-01', to: '2026-03-09' },
    ]);
    // Every unit with live KPIs has both rows.
    expect(closes.rows).toHaveLength(2 * province.service.length);
  });

  it("sums the month from the days' closes: counts added, on time from the sums, pending as at the last day", () => {
    const closes = serviceClosesAt(province, tuesdayNight);
    const month = closes.rows.find((r) => r.unit === commune && r.period.kind === 'month-to-date');
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'].map(
      (day) => dayClose(province, day).find((r) => r.unit === commune),
    );
    const sum = (key: 'received' | 'resolved' | 'resolvedOnTime') => days.reduce((n, d) => n + (d?.counts[key] ?? 0), 0);
    expect(month?.counts).toEqual({
      received: sum('received'),
      resolved: sum('resolved'),
      resolvedOnTime: sum('resolvedOnTime'),
      pending: days[8]?.counts.pending,
      overdue: days[8]?.counts.overdue,
    });
    expect(month?.rates['on-time']).toBe(Math.round((sum('resolvedOnTime') / sum('resolved')) * 1000) / 10);
  });

  it('takes a day close at the last minute of the day', () => {
    const close = dayClose(province, '2026-03-09');
    expect(close).toEqual(serviceKpisAt(province, new Date('2026-03-09T23:59:00+07:00')));
  });

  it('looks back over a weekend, and over a public holiday joined to one', () => {
    expect(serviceClosesAt(province, new Date('2026-03-09T09:00:00+07:00')).lastWorkingDay).toBe('2026-03-06');
    // National Day 2026: 29 August to 2 September off.
    expect(serviceClosesAt(province, new Date('2026-09-03T09:00:00+07:00')).lastWorkingDay).toBe('2026-08-28');
    const holiday = serviceClosesAt(province, new Date('2026-09-02T10:00:00+07:00'));
    expect(holiday.calendar.find((d) => d.day === '2026-09-02')).toEqual({ day: '2026-09-02', working: false, holiday: 'Quốc khánh' });
  });

  it('on the first of a month holds the whole month before, as "month"', () => {
    const closes = serviceClosesAt(province, new Date('2026-04-01T08:00:00+07:00'));
    expect(closes.rows.find((r) => r.unit === provinceCode && r.period.kind !== 'day')?.period).toEqual({ kind: 'month', from: '2026-03-01', to: '2026-03-31' });
  });

  it("keeps one unit's daily closes of this month and the last, and twelve months, none before the unit existed", () => {
    const history = serviceHistoryAt(province, provinceCode, tuesdayNight);
    expect(history?.days[0]?.period.from).toBe('2026-02-01');
    expect(history?.days.at(-1)?.period.from).toBe('2026-03-09');
    expect(history?.months.map((m) => m.period.from)).toEqual([
      '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01',
      '2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01',
    ]);
    // Communes exist from the 2025 reform on (1 July 2025).
    expect(serviceHistoryAt(province, commune, tuesdayNight)?.months[0]?.period.from).toBe('2025-07-01');
    expect(serviceHistoryAt(province, 'no-such-unit', tuesdayNight)).toBeNull();
  });

  it('brings few files and no dips on a public holiday, as on a weekend', () => {
    expect(isWorkingDay('2026-09-02')).toBe(false);
    const holiday = serviceKpisAt(province, new Date('2026-09-02T16:00:00+07:00'))[0];
    const workday = serviceKpisAt(province, new Date('2026-09-04T16:00:00+07:00'))[0];
    expect(holiday?.counts.received).toBeLessThan((workday?.counts.received ?? 0) * 0.15);
  });
});
