import type { ObservationRow } from '../../../src/contract/observations';
import type { ImportCounts, ImportScope } from '../../db/schema';

/**
 * What an import would change, worked out before anything is written. Pure. An import replaces whole groups
 * of rows: each indicator, year and level the file holds (its scope) ends up holding exactly the file's rows.
 */

/** One row's figures as they are compared: score, rank, rank among, component scores. */
export interface ResultValues {
  value: number;
  rank: number | null;
  rankOf: number | null;
  components: Record<string, number> | null;
}

/** A stored row of a scope. */
export interface StoredResult extends ResultValues {
  indicator: string;
  period: number;
  unit: string;
  level: string;
}

export type ChangeKind = 'added' | 'changed' | 'removed';

/** One row that an import adds, changes or removes; `before`/`after` null where there is none. */
export interface ResultChange {
  kind: ChangeKind;
  indicator: string;
  period: number;
  level: string;
  unit: string;
  before: ResultValues | null;
  after: ResultValues | null;
}

export interface ScopeDiff extends ImportScope {
  counts: ImportCounts;
}

export interface ResultsDiff {
  scopes: ScopeDiff[];
  counts: ImportCounts;
  /** Every change, in scope order, then by unit code. */
  changes: ResultChange[];
}

const scopeKey = (s: ImportScope) => `${s.indicator}\u0000${s.period}\u0000${s.level}`;

export function valuesOf(row: ObservationRow): ResultValues {
  return { value: row.value, rank: row.rank ?? null, rankOf: row.rankOf ?? null, components: row.components && Object.keys(row.components).length > 0 ? row.components : null };
}

function sameComponents(a: Record<string, number> | null, b: Record<string, number> | null): boolean {
  const keysA = Object.keys(a ?? {}).sort();
  const keysB = Object.keys(b ?? {}).sort();
  return keysA.length === keysB.length && keysA.every((key, i) => key === keysB[i] && a?.[key] === b?.[key]);
}

export function sameValues(a: ResultValues, b: ResultValues): boolean {
  return a.value === b.value && a.rank === b.rank && a.rankOf === b.rankOf && sameComponents(a.components, b.components);
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The groups a file's rows fall in, ordered by indicator, year and level. */
export function scopesOf(rows: readonly ObservationRow[]): ImportScope[] {
  const scopes = new Map<string, ImportScope>();
  for (const row of rows) {
    const scope = { indicator: row.indicator, period: row.period, level: row.level };
    scopes.set(scopeKey(scope), scope);
  }
  return [...scopes.values()].sort((a, b) => byCode(a.indicator, b.indicator) || a.period - b.period || byCode(a.level, b.level));
}

const zero = (): ImportCounts => ({ added: 0, changed: 0, removed: 0, unchanged: 0 });

/** Compares a file's rows with the stored rows of the same scopes. */
export function diffResults(incoming: readonly ObservationRow[], stored: readonly StoredResult[]): ResultsDiff {
  const scopes = scopesOf(incoming).map((scope): ScopeDiff => ({ ...scope, counts: zero() }));
  const counts = zero();
  const changes: ResultChange[] = [];
  const storedBy = new Map<string, Map<string, StoredResult>>();
  for (const row of stored) {
    const key = scopeKey(row);
    const group = storedBy.get(key) ?? new Map<string, StoredResult>();
    group.set(row.unit, row);
    storedBy.set(key, group);
  }
  const incomingBy = new Map<string, ObservationRow[]>();
  for (const row of incoming) {
    const key = scopeKey(row);
    const group = incomingBy.get(key) ?? [];
    group.push(row);
    incomingBy.set(key, group);
  }
  const count = (scope: ScopeDiff, kind: keyof ImportCounts) => {
    scope.counts[kind]++;
    counts[kind]++;
  };
  for (const scope of scopes) {
    const key = scopeKey(scope);
    const before = storedBy.get(key) ?? new Map<string, StoredResult>();
    const rows = [...(incomingBy.get(key) ?? [])].sort((a, b) => byCode(a.unit, b.unit));
    const found: ResultChange[] = [];
    for (const row of rows) {
      const after = valuesOf(row);
      const old = before.get(row.unit);
      if (old === undefined) {
        count(scope, 'added');
        found.push({ kind: 'added', ...scope, unit: row.unit, before: null, after });
      } else if (sameValues(old, after)) {
        count(scope, 'unchanged');
      } else {
        count(scope, 'changed');
        found.push({ kind: 'changed', ...scope, unit: row.unit, before: stripped(old), after });
      }
    }
    const kept = new Set(rows.map((row) => row.unit));
    for (const old of before.values()) {
      if (kept.has(old.unit)) continue;
      count(scope, 'removed');
      found.push({ kind: 'removed', ...scope, unit: old.unit, before: stripped(old), after: null });
    }
    changes.push(...found.sort((a, b) => byCode(a.unit, b.unit)));
  }
  return { scopes, counts, changes };
}

function stripped(row: StoredResult): ResultValues {
  return { value: row.value, rank: row.rank, rankOf: row.rankOf, components: row.components };
}
