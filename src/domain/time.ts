/** Vietnam keeps one offset all year (no daylight saving): UTC+07:00, zone Asia/Ho_Chi_Minh. */
export const VN_OFFSET_MINUTES = 7 * 60;
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 in Vietnam time with its offset, e.g. 2026-11-21T09:30:00+07:00 (whole seconds). */
export function toVnIso(date: Date): string {
  const local = new Date(date.getTime() + VN_OFFSET_MINUTES * 60_000);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+07:00`
  );
}

/** The calendar day in Vietnam, YYYY-MM-DD. */
export function vnDay(date: Date): string {
  return toVnIso(date).slice(0, 10);
}

/** Minutes since local midnight in Vietnam. */
export function vnMinuteOfDay(date: Date): number {
  const local = new Date(date.getTime() + VN_OFFSET_MINUTES * 60_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}
