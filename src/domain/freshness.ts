/** Seconds in an ISO 8601 duration such as P1Y, PT1M, P1DT12H (a year counted as 365 days, a month as 30). */
export function durationSeconds(duration: string): number | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!m || duration === 'P' || duration.endsWith('T')) return null;
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number, number];
  return ((((y * 365 + mo * 30 + w * 7 + d) * 24 + h) * 60 + mi) * 60) + s;
}

/** Age in seconds of data stamped `asOf`, at `now` (ms since epoch); null when the stamp cannot be read. */
export function ageSeconds(asOf: string, now: number): number | null {
  const t = Date.parse(asOf);
  return Number.isNaN(t) ? null : Math.max(0, (now - t) / 1000);
}

/** Data is stale when it is older than its feed allows (an unreadable stamp counts as stale). */
export function isTooOld(asOf: string | null, now: number, maxAgeSeconds: number): boolean {
  if (!asOf) return true;
  const age = ageSeconds(asOf, now);
  return age === null || age > maxAgeSeconds;
}
