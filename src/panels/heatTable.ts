import { colorDomain, domainPosition, sequentialColor, textColorOn, type RampTheme } from '../domain/colorScale';

/** One column of the heat table: an index, or one of its components. */
export interface HeatColumn {
  /** `par`, or `par.procedures` for a component; also the `sort` key in the URL. */
  key: string;
  label: string;
  /** The index's name for a component column; null for an index column. */
  group: string | null;
  scale: { min: number; max: number };
  format: (value: number) => string;
}

export interface HeatRow {
  code: string;
  name: string;
  /** Column key → value; a missing key is a unit without a value. */
  values: Readonly<Record<string, number>>;
}

export type SortDirection = 'ascending' | 'descending';
export interface HeatSort {
  /** A column key, or `name` for the units' names. */
  key: string;
  direction: SortDirection;
}

/** The sort in the URL: `par` ascending, `-par` descending; unknown keys fall back to the names, A→Z. */
export function parseSort(raw: string | null, keys: readonly string[]): HeatSort {
  const fallback: HeatSort = { key: 'name', direction: 'ascending' };
  if (!raw) return fallback;
  const descending = raw.startsWith('-');
  const key = descending ? raw.slice(1) : raw;
  return key === 'name' || keys.includes(key) ? { key, direction: descending ? 'descending' : 'ascending' } : fallback;
}

/** What a click on a column's header sorts by: ascending first, then the other way on each click. */
export function nextSort(current: HeatSort, key: string): string {
  const direction = current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending';
  return direction === 'descending' ? `-${key}` : key;
}

/**
 * Rows in the order asked: by a column's values (units without a value last, either way), or by name in
 * Vietnamese collation; ties by name, so the order is the same on every screen.
 */
export function sortHeatRows(rows: readonly HeatRow[], sort: HeatSort): HeatRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: HeatRow, b: HeatRow) => a.name.localeCompare(b.name, 'vi') || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  if (sort.key === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  return [...rows].sort((a, b) => {
    const x = a.values[sort.key];
    const y = b.values[sort.key];
    if (x === undefined || y === undefined) return x === y ? byName(a, b) : x === undefined ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** Each column's colour domain, over that column's own values (so a column of 0–10 sub-indices uses its full ramp). */
export function columnDomains(columns: readonly HeatColumn[], rows: readonly HeatRow[]): Map<string, [number, number]> {
  return new Map(
    columns.map((c) => [c.key, colorDomain(rows.map((r) => r.values[c.key]).filter((v): v is number => v !== undefined), c.scale)]),
  );
}

/** A cell's fill on the theme's sequential ramp, and black or white text that reads on it. */
export function cellColours(value: number, domain: readonly [number, number], theme: RampTheme): { background: string; color: string } {
  const background = sequentialColor(domainPosition(value, domain), theme);
  return { background, color: textColorOn(background) };
}
