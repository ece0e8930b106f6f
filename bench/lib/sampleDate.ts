/**
 * The page's Date on the sample server's clock, for the bench. The sample server starts at SAMPLE_NOW (a
 * Tuesday mid-morning), so what the bench loads does not depend on the hour it runs at; the page's Date must
 * agree with it, or every live panel would be out of date against the machine's clock.
 *
 * Only Date is shifted, by a constant: timers, animation frames, `performance.now()` and the performance
 * timeline stay the browser's own, because they are what the bench measures. (Playwright's clock, which the
 * browser tests install, fakes all of them: `performance.getEntriesByType` answers [] under it, and animation
 * frames and timers run from its own loop.)
 */
import type { BrowserContext } from 'playwright-core';
import { readSampleClock } from '../../test/support/server';

/** An init script that makes `Date` run `offsetMs` ahead of the machine's clock (behind when negative). */
export function shiftedDateScript(offsetMs: number): string {
  if (!Number.isFinite(offsetMs)) throw new Error(`shiftedDateScript: offset ${offsetMs} is not a number of milliseconds`);
  return String.raw`(() => {
  'use strict';
  const NativeDate = window.Date;
  if ('sampleOffsetMs' in NativeDate) return;
  const offset = ${Math.round(offsetMs)};
  const now = () => NativeDate.now() + offset;
  // Date() as a function is a string; new Date() is now; with arguments, the date they name.
  function SampleDate(...args) {
    if (!new.target) return new NativeDate(now()).toString();
    return Reflect.construct(NativeDate, args.length === 0 ? [now()] : args, new.target);
  }
  SampleDate.prototype = NativeDate.prototype;
  SampleDate.now = now;
  SampleDate.parse = NativeDate.parse;
  SampleDate.UTC = NativeDate.UTC;
  Object.defineProperty(SampleDate, 'sampleOffsetMs', { value: offset });
  window.Date = SampleDate;
})();`;
}

/** Puts every page of `context` on the clock of the sample server at `origin` (its `GET /__mock/clock`), Date only. */
export async function followSampleClock(context: BrowserContext, origin: string): Promise<void> {
  const { epochMs } = await readSampleClock(origin);
  await context.addInitScript({ content: shiftedDateScript(epochMs - Date.now()) });
}
