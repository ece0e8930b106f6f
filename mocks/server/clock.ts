import { http, type HttpHandler } from 'msw';
import { toVnIso } from '../../src/domain/time';
import { jsonResponse, problemResponse } from '../handlers/respond';

/**
 * The sample server's clock: real time, or an instant chosen with SAMPLE_NOW that then runs on from the
 * server's start (SAMPLE_TIME_SCALE times faster); and `GET /__mock/clock`, which tells a test what time
 * the sample thinks it is, so a browser can be put on the same clock.
 */

export const CLOCK_PATH = '/__mock/clock';

/** What SAMPLE_NOW looks like, for error messages and docs. */
export const SAMPLE_NOW_FORM = 'an ISO 8601 instant with its offset, e.g. 2026-03-10T10:00:00+07:00 (or …Z)';

// Date, time (seconds and fraction optional) and an offset, which is required: without one the instant
// would depend on the machine's time zone, which is what SAMPLE_NOW exists to avoid.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant `text` names, or null when it is not an ISO 8601 date-time with an offset (or names no real date). */
export function parseInstant(text: string): Date | null {
  const match = INSTANT.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '0', offset = 'Z'] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const ms = Math.floor(Number(`0.${fraction}`) * 1000);
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const offsetHours = Number(offset.slice(1, 3));
    const offsetMins = Number(offset.slice(4, 6));
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  // 2026-02-30 is not a day: Date.UTC would roll it over to March.
  const calendar = new Date(Date.UTC(y, mo - 1, d));
  if (calendar.getUTCFullYear() !== y || calendar.getUTCMonth() !== mo - 1 || calendar.getUTCDate() !== d) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000);
}

export interface SampleClockOptions {
  /** Where the sample's time starts (SAMPLE_NOW); default: the real time at the start. */
  start?: Date;
  /** How many times faster than real time it runs (SAMPLE_TIME_SCALE); default 1. */
  timeScale?: number;
  /** The real clock, in ms since the epoch (for tests); default Date.now. */
  realNow?: () => number;
}

/**
 * The sample's clock: `start` (default: now) at the moment this is called, then advancing `timeScale`
 * times as fast as the real clock.
 */
export function createSampleClock(options: SampleClockOptions = {}): () => Date {
  const realNow = options.realNow ?? Date.now;
  const timeScale = options.timeScale ?? 1;
  const startedReal = realNow();
  const startedSample = options.start?.getTime() ?? startedReal;
  return () => new Date(startedSample + (realNow() - startedReal) * timeScale);
}

/** What `GET /__mock/clock` answers. */
export interface ClockState {
  /** The sample's time, Vietnam time with its offset, whole seconds: 2026-03-10T10:00:05+07:00. */
  now: string;
  /** The same instant in milliseconds since the epoch, to the millisecond. */
  epochMs: number;
  /** How many times faster than real time the sample's clock runs (SAMPLE_TIME_SCALE). */
  timeScale: number;
}

/**
 * `GET /__mock/clock` (or HEAD) → ClockState, never cached; other methods get a 405. Only the node server has it (the
 * browser worker and msw/node run on whatever clock their caller gives createHandlers).
 */
export function createClockHandlers(now: () => Date, timeScale = 1): HttpHandler[] {
  const pattern = `*${CLOCK_PATH}`;
  const answer = () => {
    const at = now();
    const state: ClockState = { now: toVnIso(at), epochMs: at.getTime(), timeScale };
    return jsonResponse(state, { headers: { 'Cache-Control': 'no-store' } });
  };
  return [
    http.get(pattern, answer),
    http.head(pattern, answer),
    http.all(pattern, ({ request }) =>
      problemResponse(405, `${request.method} is not allowed on ${CLOCK_PATH}; it only answers GET.`, { instance: CLOCK_PATH, headers: { Allow: 'GET' } }),
    ),
  ];
}
