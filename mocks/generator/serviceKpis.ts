import type { ServiceKpiRow } from '../../src/contract';
import { toVnIso, vnDay, vnMinuteOfDay } from '../../src/domain/time';
import { isWorkingDay } from './calendar';
import { combinedRates } from '../../src/domain/serviceRollup';
import { SERVICE_KPI_IDS, type ServiceKpiId } from './catalogue';
import { LEVEL_COMMUNE, LEVEL_PROVINCE, PROVINCE_CODE } from './constants';
import { clamp, roundTo } from './math';
import { memoByProvince } from './memo';
import { hashUnit } from './rng';
import type { SampleProvince, ServiceProfile } from './types';

/**
 * Live one-stop-shop KPIs at an instant: a pure function of (seed, unit, time), so any server or worker
 * computes the same figures for the same minute.
 *
 * Counts are for the Vietnam calendar day so far. Applications arrive mostly in office hours
 * (7:30–11:30 and 13:30–17:00, a trickle at lunch and online at night), weekends bring a few percent of
 * a weekday (public holidays too); resolutions happen in office hours. Pending files carry over from earlier days (two to four
 * days' intake), and so do overdue ones (a small share of pending), which get worked off during the day.
 *
 * Rates drift smoothly: a base per unit, an offset per day, three slow sines shifted by the unit's phase
 * and noise hashed per 5-minute bucket (interpolated between buckets). The on-time rate is what the
 * counts say: resolvedOnTime / resolved. Outside dips, it stays at or above 95 %, which keeps the
 * counted rate above 90 % however few files were resolved.
 *
 * Dips: on working days, 3 to 6 episodes across the province, each 10–30 minutes between 8:45 and 16:45,
 * in which one commune's on-time rate falls to 82–89 % (at least two such episodes a day, in the busier
 * half of the communes) or its satisfaction to 76–84 %. Thresholds assumed by the sample: 90 % on time,
 * 85 % satisfaction. Caveat: resolvedOnTime follows the rate, so it can step down during a dip and back up
 * after it, where a real cumulative count would only grow.
 */
export function serviceKpisAt(province: SampleProvince, at: Date): ServiceKpiRow[] {
  return snapshotOf(province, String(Math.floor(at.getTime() / 60_000) * 60_000));
}

/** The snapshot of a minute (its epoch milliseconds as the key), computed once for all the screens that ask in it. */
const snapshotOf = memoByProvince(8, (province, minuteMs): ServiceKpiRow[] => {
  const instant = new Date(Number(minuteMs));
  const day = vnDay(instant);
  const stamp = toVnIso(instant);
  const minute = vnMinuteOfDay(instant);
  // Weekends and public holidays: a few percent of a working day's files, no dips.
  const weekend = !isWorkingDay(day);
  const communes = province.service.filter((p) => p.level === LEVEL_COMMUNE);
  const dips = weekend || !province.dips ? new Map<string, Dip[]>() : dipsOf(province.seed, day, communes);

  const rows = communes.map((profile) => communeRow(province.seed, profile, day, stamp, minute, weekend, dips.get(profile.unit) ?? []));
  const provinceProfile = province.service.find((p) => p.level === LEVEL_PROVINCE);
  return [aggregate(provinceProfile?.unit ?? PROVINCE_CODE, day, stamp, rows), ...rows];
});

interface Dip {
  kpi: 'on-time' | 'satisfaction';
  start: number;
  end: number;
  /** The rate during the dip. */
  level: number;
}

const MINUTES = 1440;

/** Arrivals per minute of a weekday, relative. */
function arrivalIntensity(m: number): number {
  if (m < 420) return 0.025;
  if (m < 450) return 0.3;
  if (m < 690) return 1 + 0.25 * Math.sin((Math.PI * (m - 450)) / 240);
  if (m < 810) return 0.15;
  if (m < 1020) return 0.85 + 0.15 * Math.sin((Math.PI * (m - 810)) / 210);
  if (m < 1080) return 0.12;
  return 0.03;
}

/** Resolutions per minute of a weekday, relative: office hours only. */
function resolutionIntensity(m: number): number {
  if (m < 450) return 0;
  if (m < 690) return 1;
  if (m < 810) return 0.1;
  if (m < 1020) return 1.1;
  if (m < 1050) return 0.2;
  return 0;
}

/** Share of the day's total done by the start of each minute: table[m] for m in 0..1440. */
function cumulative(intensity: (m: number) => number): Float64Array {
  const table = new Float64Array(MINUTES + 1);
  for (let m = 0; m < MINUTES; m++) table[m + 1] = (table[m] ?? 0) + intensity(m);
  const total = table[MINUTES] ?? 1;
  for (let m = 0; m <= MINUTES; m++) table[m] = (table[m] ?? 0) / total;
  return table;
}

const ARRIVED = cumulative(arrivalIntensity);
const RESOLVED = cumulative(resolutionIntensity);
/** Weekend volume as a share of a weekday's. */
const WEEKEND_SHARE = 0.07;

function share(table: Float64Array, minute: number): number {
  return table[clamp(Math.round(minute), 0, MINUTES)] ?? 0;
}

/** How each rate moves: amplitude of the slow drift, of the bucket noise, and its normal bounds. */
const DRIFT: Record<ServiceKpiId, { amp: number; noise: number; lo: number; hi: number }> = {
  'on-time': { amp: 0.6, noise: 0.4, lo: 95, hi: 100 },
  online: { amp: 2.5, noise: 1.2, lo: 3, hi: 60 },
  'fully-online': { amp: 2, noise: 0.8, lo: 1, hi: 50 },
  'online-payment': { amp: 3, noise: 1.5, lo: 15, hi: 80 },
  digitisation: { amp: 3, noise: 1.2, lo: 35, hi: 98 },
  satisfaction: { amp: 1.2, noise: 0.6, lo: 86, hi: 100 },
};

function driftingRate(seed: number, profile: ServiceProfile, kpi: ServiceKpiId, kpiIndex: number, day: string, minute: number): number {
  const d = DRIFT[kpi];
  const phase = profile.phase + 0.37 * kpiIndex;
  const t = minute / MINUTES;
  const slow =
    0.55 * Math.sin(2 * Math.PI * (t + phase)) +
    0.3 * Math.sin(2 * Math.PI * (3.1 * t + 1.7 * phase)) +
    0.15 * Math.sin(2 * Math.PI * (7.3 * t + 2.3 * phase));
  const bucket = Math.floor(minute / 5);
  const within = (minute - bucket * 5) / 5;
  const n0 = hashUnit(seed, profile.unit, kpi, day, bucket) - 0.5;
  const n1 = hashUnit(seed, profile.unit, kpi, day, bucket + 1) - 0.5;
  const dayOffset = (hashUnit(seed, profile.unit, kpi, day, 'day') - 0.5) * d.amp;
  const base = profile.base[kpi] ?? (d.lo + d.hi) / 2;
  return clamp(base + dayOffset + d.amp * slow + 2 * d.noise * (n0 + (n1 - n0) * within), d.lo, d.hi);
}

function dipsOf(seed: number, day: string, communes: readonly ServiceProfile[]): Map<string, Dip[]> {
  const out = new Map<string, Dip[]>();
  if (communes.length === 0) return out;
  const busier = communes
    .slice()
    .sort((a, b) => b.dailyVolume - a.dailyVolume || (a.unit < b.unit ? -1 : 1))
    .slice(0, Math.max(1, Math.ceil(communes.length / 2)));
  const count = 3 + Math.floor(hashUnit(seed, day, 'dips') * 4);
  for (let e = 0; e < count; e++) {
    const kpi = e < 2 || hashUnit(seed, day, e, 'kind') < 0.5 ? 'on-time' : 'satisfaction';
    const pool = kpi === 'on-time' ? busier : communes;
    const unit = pool[Math.floor(hashUnit(seed, day, e, 'unit') * pool.length)] ?? communes[0];
    if (!unit) continue;
    const length = 10 + Math.floor(hashUnit(seed, day, e, 'length') * 21);
    const start = 525 + Math.floor(hashUnit(seed, day, e, 'start') * (1005 - length - 525));
    const level = kpi === 'on-time' ? 82 + 7 * hashUnit(seed, day, e, 'level') : 76 + 8 * hashUnit(seed, day, e, 'level');
    const list = out.get(unit.unit) ?? [];
    list.push({ kpi, start, end: start + length, level });
    out.set(unit.unit, list);
  }
  return out;
}

function communeRow(seed: number, profile: ServiceProfile, day: string, at: string, minute: number, weekend: boolean, dips: readonly Dip[]): ServiceKpiRow {
  const volume = profile.dailyVolume * (0.75 + 0.5 * hashUnit(seed, profile.unit, day, 'volume')) * (weekend ? WEEKEND_SHARE : 1);
  const capacity = volume * (0.92 + 0.12 * hashUnit(seed, profile.unit, day, 'capacity'));
  const pendingStart = Math.round(profile.dailyVolume * (1.8 + 2.2 * hashUnit(seed, profile.unit, day, 'backlog')));
  const overdueStart = Math.round(pendingStart * (0.004 + 0.025 * hashUnit(seed, profile.unit, day, 'overdue')));
  // Each unit's day runs a few minutes ahead of or behind the others.
  const shift = Math.round((profile.phase - 0.5) * 20);

  const received = Math.floor(volume * share(ARRIVED, minute + shift));
  const resolvedShare = share(RESOLVED, minute + shift);
  const resolved = Math.min(Math.floor(capacity * resolvedShare), pendingStart + received);
  const pending = pendingStart + received - resolved;
  const overdue = Math.min(pending, overdueStart - Math.floor(overdueStart * 0.5 * resolvedShare));

  const active = (kpi: Dip['kpi']) => dips.find((d) => d.kpi === kpi && d.start <= minute && minute < d.end);
  const rate = (kpi: ServiceKpiId) => driftingRate(seed, profile, kpi, SERVICE_KPI_IDS.indexOf(kpi), day, minute);

  const onTimeDip = active('on-time');
  const onTimeRate = onTimeDip ? Math.min(rate('on-time'), onTimeDip.level) : rate('on-time');
  // During a dip, round down so the counted rate really sits under the dip level.
  const resolvedOnTime = Math.min(resolved, onTimeDip ? Math.floor((resolved * onTimeRate) / 100) : Math.round((resolved * onTimeRate) / 100));
  const satisfactionDip = active('satisfaction');
  const satisfaction = satisfactionDip ? Math.min(rate('satisfaction'), satisfactionDip.level) : rate('satisfaction');
  const online = rate('online');

  const rates: Record<string, number | null> = {
    'on-time': resolved > 0 ? roundTo((resolvedOnTime / resolved) * 100, 1) : null,
    online: received > 0 ? roundTo(online, 1) : null,
    'fully-online': received > 0 ? roundTo(Math.min(rate('fully-online'), online), 1) : null,
    'online-payment': received > 0 ? roundTo(rate('online-payment'), 1) : null,
    digitisation: received > 0 ? roundTo(rate('digitisation'), 1) : null,
    satisfaction: resolved > 0 ? roundTo(satisfaction, 1) : null,
  };
  return { unit: profile.unit, level: LEVEL_COMMUNE, day, at, counts: { received, resolved, resolvedOnTime, pending, overdue }, rates };
}

/** The province's row: counts summed; on time from the summed counts; other rates weighted by volume. */
function aggregate(unit: string, day: string, at: string, rows: readonly ServiceKpiRow[]): ServiceKpiRow {
  const counts = { received: 0, resolved: 0, resolvedOnTime: 0, pending: 0, overdue: 0 };
  for (const row of rows) {
    counts.received += row.counts.received;
    counts.resolved += row.counts.resolved;
    counts.resolvedOnTime += row.counts.resolvedOnTime;
    counts.pending += row.counts.pending;
    counts.overdue += row.counts.overdue;
  }
  const rates = combinedRates(rows, SERVICE_KPI_IDS);
  return { unit, level: LEVEL_PROVINCE, day, at, counts, rates };
}
