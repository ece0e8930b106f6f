import type { Scale } from '../../../src/contract/indicators';
import type { FeedId } from '../../../src/contract/routes';
import { toVnIso } from '../../../src/domain/time';
import type { JsonDocument } from './document';
import { firstRow, firstThird, isObject, RATE_KPI, rowListOf, VALUE_FEEDS, type Row } from './rows';
import type { DriftKind, NonFiniteKind, OutOfRangeKind } from './settings';

/**
 * The row rewrites of the fault matrix, each on a parsed answer (see document.ts). They act on success
 * answers only, and on the feed's row list (rows.ts): meta, which has none, is left as it is.
 */

/** An indicator id no catalogue has. */
export const UNKNOWN_INDICATOR = 'happiness-index';
/** A unit code no unit table has. */
export const UNKNOWN_UNIT = '00000';

/** "86,5": a number as a string with a decimal comma, as a vi-VN spreadsheet export writes it. */
const commaDecimal = (value: unknown): string => (typeof value === 'number' ? String(value).replace('.', ',') : '0');

const setValue = (value: (row: Row) => unknown) => (row: Row) => {
  row.value = value(row);
};
const rates = (row: Row): Row => {
  if (!isObject(row.rates)) row.rates = {};
  return row.rates as Row;
};
const child = (row: Row, key: string): Row => (isObject(row[key]) ? (row[key] as Row) : {});

type RowChange = (row: Row) => void;
const onValueFeeds = (change: RowChange): Partial<Record<FeedId, RowChange>> => ({ observations: change, series: change, national: change });

/** What each kind of drift does to the first row, per feed; a feed not listed is left as it is. */
const DRIFT: Record<DriftKind, Partial<Record<FeedId, RowChange>>> = {
  'missing-field': {
    ...onValueFeeds((row) => delete row.value),
    'service-kpis': (row) => delete row.counts,
    events: (row) => delete row.date,
    units: (row) => delete row.name,
    indicators: (row) => delete row.id,
    boundaries: (row) => delete row.geometry,
  },
  'wrong-type': {
    ...onValueFeeds(setValue((row) => commaDecimal(row.value))),
    'service-kpis': (row) => {
      rates(row)[RATE_KPI] = commaDecimal(rates(row)[RATE_KPI]);
    },
    events: (row) => {
      row.period = String(row.period ?? String(row.date).slice(0, 4));
    },
    // No number in a unit: its code comes as a number instead (as a spreadsheet export does).
    units: (row) => {
      row.code = Number(row.code);
    },
    indicators: (row) => {
      child(row, 'scale').max = commaDecimal(child(row, 'scale').max);
    },
    // A code held as a number is a code (a shapefile export does that, and the map restores its zeros): the
    // wrong type here is a list, as a join that found two rows writes it.
    boundaries: (row) => {
      if (isObject(row.properties)) row.properties.code = [row.properties.code];
    },
  },
  'unknown-indicator': {
    ...onValueFeeds((row) => {
      row.indicator = UNKNOWN_INDICATOR;
    }),
    // The rates are keyed by service-KPI ids of the catalogue: the on-time rate comes under an unknown id.
    'service-kpis': (row) => {
      const all = rates(row);
      row.rates = Object.fromEntries(Object.entries(all).map(([id, rate]) => [id === RATE_KPI ? UNKNOWN_INDICATOR : id, rate]));
    },
    events: (row) => {
      row.indicator = UNKNOWN_INDICATOR;
    },
    indicators: (row) => {
      row.id = UNKNOWN_INDICATOR;
    },
  },
  'unknown-unit': {
    observations: (row) => {
      row.unit = UNKNOWN_UNIT;
    },
    series: (row) => {
      row.unit = UNKNOWN_UNIT;
    },
    national: (row) => {
      row.province = UNKNOWN_UNIT;
    },
    'service-kpis': (row) => {
      row.unit = UNKNOWN_UNIT;
    },
    events: (row) => {
      row.unit = UNKNOWN_UNIT;
    },
    units: (row) => {
      row.parent = UNKNOWN_UNIT;
    },
    boundaries: (row) => {
      if (isObject(row.properties)) row.properties.code = UNKNOWN_UNIT;
    },
  },
};

export function drift(kind: DriftKind, document: JsonDocument): void {
  const change = DRIFT[kind][document.feed];
  const row = document.ok && change ? firstRow(rowListOf(document.feed, document.body)) : undefined;
  if (row && change) change(row);
}

const DEFAULT_SCALE: Pick<Scale, 'min' | 'max' | 'unit'> = { min: 0, max: 100, unit: 'points' };

/** -5, or past the top of the scale: +20 on points and percent scales (120 on 0–100), +0.7 on 0–1 ratios (1.7). */
export function outOfRangeValue(kind: OutOfRangeKind, scale: Pick<Scale, 'max' | 'unit'>): number {
  if (kind === 'negative') return -5;
  return Math.round((scale.max + (scale.unit === 'ratio' ? 0.7 : 20)) * 10_000) / 10_000;
}

export function outOfRange(kind: OutOfRangeKind, document: JsonDocument): void {
  if (!document.ok) return;
  const rows = firstThird(rowListOf(document.feed, document.body));
  const scaleOf = (id: unknown) => document.indicators.find((indicator) => indicator.id === id)?.scale ?? DEFAULT_SCALE;
  if (VALUE_FEEDS.has(document.feed)) {
    for (const row of rows) row.value = outOfRangeValue(kind, scaleOf(row.indicator));
  } else if (document.feed === 'service-kpis') {
    for (const row of rows) rates(row)[RATE_KPI] = outOfRangeValue(kind, scaleOf(RATE_KPI));
  }
}

const NON_FINITE_TOKENS: Record<NonFiniteKind, string> = { nan: 'NaN', infinity: 'Infinity', null: 'null' };

export function nonFinite(kind: NonFiniteKind, document: JsonDocument): void {
  const row = document.ok ? firstRow(rowListOf(document.feed, document.body)) : undefined;
  if (!row) return;
  const token = kind === 'null' ? null : document.bare(NON_FINITE_TOKENS[kind]);
  if (VALUE_FEEDS.has(document.feed)) row.value = token;
  else if (document.feed === 'service-kpis') rates(row)[RATE_KPI] = token;
}

export function empty(document: JsonDocument): void {
  if (document.ok) rowListOf(document.feed, document.body)?.replace([]);
}

export function duplicates(document: JsonDocument): void {
  const list = document.ok ? rowListOf(document.feed, document.body) : undefined;
  // Copies, not the same objects: a later rewrite (xss) changes each copy once.
  list?.replace([...list.rows, ...list.rows.map((row) => structuredClone(row))]);
}

const DAY_MS = 86_400_000;
export const OTHER_PERIOD_YEARS = -3;
export const OTHER_PERIOD_DAYS = -2;

function shiftDay(day: unknown, days: number): unknown {
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function shiftInstant(at: unknown, days: number): unknown {
  const time = typeof at === 'string' ? Date.parse(at) : NaN;
  return Number.isNaN(time) ? at : toVnIso(new Date(time + days * DAY_MS));
}

export function otherPeriod(document: JsonDocument): void {
  const list = document.ok ? rowListOf(document.feed, document.body) : undefined;
  for (const row of list?.rows.filter(isObject) ?? []) {
    if (VALUE_FEEDS.has(document.feed) && typeof row.period === 'number') row.period += OTHER_PERIOD_YEARS;
    if (document.feed === 'service-kpis') {
      row.day = shiftDay(row.day, OTHER_PERIOD_DAYS);
      row.at = shiftInstant(row.at, OTHER_PERIOD_DAYS);
    }
  }
}
