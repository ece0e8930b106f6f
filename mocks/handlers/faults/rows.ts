import type { FeedId } from '../../../src/contract/routes';

/** One row of a feed's row list, as parsed JSON. */
export type Row = Record<string, unknown>;

export function isObject(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where each feed keeps its rows: `data.<key>` in the envelope, or the FeatureCollection's `features`.
 * meta has no row list, so row faults leave it as it is.
 */
const ROW_KEYS: Record<FeedId, { inData: boolean; key: string } | undefined> = {
  meta: undefined,
  units: { inData: true, key: 'units' },
  indicators: { inData: true, key: 'indicators' },
  observations: { inData: true, key: 'rows' },
  series: { inData: true, key: 'rows' },
  national: { inData: true, key: 'rows' },
  'service-kpis': { inData: true, key: 'rows' },
  'service-closes': { inData: true, key: 'rows' },
  'service-history': { inData: true, key: 'days' },
  events: { inData: true, key: 'rows' },
  boundaries: { inData: false, key: 'features' },
};

export interface RowList {
  /** The rows, in place: changing a row changes the answer. */
  rows: Row[];
  /** Puts another list in the rows' place. */
  replace(rows: Row[]): void;
}

/** The row list of a feed's parsed answer, or undefined (meta, an error body, an unexpected shape). */
export function rowListOf(feed: FeedId, body: unknown): RowList | undefined {
  const where = ROW_KEYS[feed];
  if (!where || !isObject(body)) return undefined;
  const holder = where.inData ? body.data : body;
  if (!isObject(holder)) return undefined;
  const rows = holder[where.key];
  if (!Array.isArray(rows)) return undefined;
  return {
    rows: rows as Row[],
    replace(next) {
      holder[where.key] = next;
    },
  };
}

/** The first row of the list, when it is an object. */
export function firstRow(list: RowList | undefined): Row | undefined {
  const row = list?.rows[0];
  return isObject(row) ? row : undefined;
}

/** The first third of the rows (at least one, when there are any). */
export function firstThird(list: RowList | undefined): Row[] {
  if (!list) return [];
  return list.rows.slice(0, Math.ceil(list.rows.length / 3)).filter(isObject);
}

/** Feeds whose rows carry `value` (an indicator's value for a unit or a province). */
export const VALUE_FEEDS: ReadonlySet<FeedId> = new Set(['observations', 'series', 'national']);

/** The live-KPI rate the service-kpis faults act on. */
export const RATE_KPI = 'on-time';
