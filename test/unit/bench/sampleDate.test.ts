// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { shiftedDateScript } from '../../../bench/lib/sampleDate';

/** Runs the init script on a window of its own and gives back that window's Date. */
function shiftedDate(offsetMs: number): DateConstructor & { sampleOffsetMs?: number } {
  const fakeWindow = { Date };
  new Function('window', shiftedDateScript(offsetMs))(fakeWindow);
  return fakeWindow.Date;
}

describe("the bench's Date on the sample server's clock", () => {
  const offset = Date.parse('2026-03-10T03:00:00Z') - Date.now();

  it('tells the time of the sample, running on with the machine', async () => {
    const SampleDate = shiftedDate(offset);
    const first = SampleDate.now();
    expect(Math.abs(first - Date.parse('2026-03-10T03:00:00Z'))).toBeLessThan(1_000);
    expect(Math.abs(new SampleDate().getTime() - first)).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(SampleDate.now() - first).toBeGreaterThanOrEqual(45);
  });

  it('leaves dates with arguments, parsing, UTC and instanceof as they are', () => {
    const SampleDate = shiftedDate(offset);
    expect(new SampleDate('2024-01-02T03:04:05Z').toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(new SampleDate(0).getTime()).toBe(0);
    expect(new SampleDate(2024, 0, 2).getTime()).toBe(new Date(2024, 0, 2).getTime());
    expect(SampleDate.parse('2024-01-02T03:04:05Z')).toBe(Date.parse('2024-01-02T03:04:05Z'));
    expect(SampleDate.UTC(2024, 0, 2)).toBe(Date.UTC(2024, 0, 2));
    expect(new SampleDate()).toBeInstanceOf(Date);
    expect(new Date()).toBeInstanceOf(SampleDate);
  });

  it('gives a string when called without new, as Date does', () => {
    const SampleDate = shiftedDate(offset) as unknown as () => string;
    expect(typeof SampleDate()).toBe('string');
    expect(Math.abs(Date.parse(SampleDate()) - Date.parse('2026-03-10T03:00:00Z'))).toBeLessThan(2_000);
  });

  it('installs once: a second run does not shift again', () => {
    const fakeWindow = { Date };
    new Function('window', shiftedDateScript(offset))(fakeWindow);
    new Function('window', shiftedDateScript(offset))(fakeWindow);
    expect(Math.abs(fakeWindow.Date.now() - Date.parse('2026-03-10T03:00:00Z'))).toBeLessThan(1_000);
  });

  it('refuses an offset that is not a number', () => {
    expect(() => shiftedDateScript(Number.NaN)).toThrow(/not a number/);
  });
});
