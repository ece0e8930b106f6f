import type { Scale } from '../contract/indicators';
import { VN_TIME_ZONE } from './time';

export type Locale = 'vi' | 'en';
const tag = (locale: Locale) => (locale === 'vi' ? 'vi-VN' : 'en-GB');

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(key, f);
  }
  return f;
}

/** A number with a fixed count of decimals in the reader's convention (vi-VN: 86,98; en: 86.98). */
export function formatNumber(value: number, decimals: number, locale: Locale): string {
  return numberFormat(locale, decimals).format(value);
}

/** A value in its indicator's scale: "86,98", "97,2 %", "0,6960". */
export function formatValue(value: number | null | undefined, scale: Pick<Scale, 'unit' | 'decimals'>, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = formatNumber(value, scale.decimals, locale);
  return scale.unit === 'percent' ? `${text}\u00a0%` : text;
}

/**
 * A signed difference between two values of one indicator, in its decimals: "+6,49", "−0,0708", "±0,00" (zero once
 * rounded). A difference of percentages is in percentage points, so it carries no "%", which would read as a
 * relative change (92,31 % against 85,82 % is 6,49 points up, not 6,49 % up).
 */
export function formatChange(delta: number | null | undefined, scale: Pick<Scale, 'decimals'>, locale: Locale): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '—';
  const text = formatNumber(Math.abs(delta), scale.decimals, locale);
  if (Number(Math.abs(delta).toFixed(scale.decimals)) === 0) return `±${text}`;
  return `${delta > 0 ? '+' : '−'}${text}`;
}

/** A percentage with one decimal: "97,2 %". */
export function formatPercent(value: number | null | undefined, locale: Locale, decimals = 1): string {
  return formatValue(value, { unit: 'percent', decimals }, locale);
}

export function formatInteger(value: number, locale: Locale): string {
  return formatNumber(value, 0, locale);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
/** Date and time in Vietnam's zone whatever the device's zone: "09:30 21/11/2026". */
export function formatDateTime(iso: string, locale: Locale, withDate = true): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  const key = `${locale}|${withDate}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag(locale), {
      timeZone: VN_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
      ...(withDate ? { day: '2-digit', month: '2-digit', year: 'numeric' } : {}),
    });
    dateTimeFormats.set(key, f);
  }
  return f.format(t);
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * A calendar day (YYYY-MM-DD), which has no zone of its own: "09/03" (en: "9 Mar"), with the weekday first when
 * `weekday` ("Thứ Hai, 09/03"; en: "Mon 9 Mar") and the year when `withYear`. The digits are put together here, as
 * ICU builds differ on a Vietnamese day and month ("09/03" in Node, "09-03" in Chromium).
 */
export function formatDay(day: string, locale: Locale, options: { weekday?: boolean; withYear?: boolean } = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return '—';
  const [, year, month, date] = match as unknown as [string, string, string, string];
  const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const core =
    locale === 'vi'
      ? `${date}/${month}${options.withYear ? `/${year}` : ''}`
      : `${Number(date)} ${monthsEn[Number(month) - 1] ?? month}${options.withYear ? ` ${year}` : ''}`;
  if (!options.weekday) return core;
  let f = weekdayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(tag(locale), { timeZone: 'UTC', weekday: locale === 'vi' ? 'long' : 'short' });
    weekdayFormats.set(locale, f);
  }
  const weekday = f.format(Date.parse(`${day}T00:00:00Z`));
  return locale === 'vi' ? `${weekday}, ${core}` : `${weekday} ${core}`;
}

/** Made once: a formatter costs far more to build than to use. */
let englishMonth: Intl.DateTimeFormat | null = null;

/** A calendar month: "tháng 3/2026" (en: "March 2026"). */
export function formatMonth(day: string, locale: Locale): string {
  const [year, month] = day.split('-');
  if (!year || !month) return '—';
  if (locale === 'vi') return `tháng ${Number(month)}/${year}`;
  englishMonth ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });
  return englishMonth.format(Date.parse(`${year}-${month}-01T00:00:00Z`));
}
