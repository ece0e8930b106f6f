import * as v from 'valibot';
import { sql, type Kysely } from 'kysely';
import { ServiceKpiRow } from '../../src/contract/serviceKpis';
import { vnDay } from '../../src/domain/time';
import type { Database } from '../db/schema';
import { readServiceKpiIds } from '../read/serviceKpiIds';
import { batches } from '../db/batches';

/** Rows per INSERT: 12 columns each, well under PostgreSQL's 65,535 parameters. */
const BATCH_ROWS = 500;

/** What is wrong with one row a source sent, and where. */
export interface RowIssue {
  /** The row's position in what was sent, from 0. */
  row: number;
  /** The field, as a dot path (`counts.resolvedOnTime`), or '' for the row as a whole. */
  field: string;
  reason: string;
}

/** Thrown when any row is refused: nothing of the batch was written. */
export class ServiceRowsError extends Error {
  constructor(readonly issues: readonly RowIssue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the service figures: ${issues.slice(0, 5).map((i) => `row ${i.row}${i.field ? ` ${i.field}` : ''}: ${i.reason}`).join('; ')}${issues.length > 5 ? '; …' : ''}`);
    this.name = 'ServiceRowsError';
  }
}

interface UnitInForce {
  level: string;
  validFrom: string | null;
  validTo: string | null;
}

/** Checks every row against the contract and the hub's units and KPIs; the good rows, or every issue found. */
async function checkRows(db: Kysely<Database>, rows: readonly unknown[]): Promise<ServiceKpiRow[]> {
  const issues: RowIssue[] = [];
  const good: ServiceKpiRow[] = [];
  const codes = new Set<string>();
  const parsed = rows.map((row, index) => {
    const result = v.safeParse(ServiceKpiRow, row);
    if (!result.success) {
      for (const issue of result.issues) issues.push({ row: index, field: v.getDotPath(issue) ?? '', reason: issue.message });
      return undefined;
    }
    codes.add(result.output.unit);
    return result.output;
  });
  const units = new Map<string, UnitInForce>();
  if (codes.size > 0) {
    const found = await db
      .selectFrom('units')
      .select((eb) => ['code', 'level_id', eb.cast<string | null>('valid_from', 'text').as('valid_from'), eb.cast<string | null>('valid_to', 'text').as('valid_to')])
      .where('code', 'in', [...codes])
      .execute();
    for (const unit of found) units.set(unit.code, { level: unit.level_id, validFrom: unit.valid_from, validTo: unit.valid_to });
  }
  const kpis = new Set(await readServiceKpiIds(db));
  const seen = new Map<string, number>();
  parsed.forEach((row, index) => {
    if (!row) return;
    const before = issues.length;
    const unit = units.get(row.unit);
    const at = new Date(row.at);
    if (!unit) issues.push({ row: index, field: 'unit', reason: `No unit "${row.unit}"; GET /units lists the unit codes.` });
    else {
      if (unit.level !== row.level) issues.push({ row: index, field: 'level', reason: `Unit "${row.unit}" is a ${unit.level}, not a ${row.level}.` });
      if ((unit.validFrom !== null && row.day < unit.validFrom) || (unit.validTo !== null && row.day > unit.validTo)) {
        issues.push({ row: index, field: 'day', reason: `Unit "${row.unit}" was not in force on ${row.day} (from ${unit.validFrom ?? 'always'} to ${unit.validTo ?? 'now'}).` });
      }
    }
    if (vnDay(at) !== row.day) issues.push({ row: index, field: 'at', reason: `${row.at} is not on ${row.day} in the province's time (Asia/Ho_Chi_Minh).` });
    if (row.counts.resolvedOnTime > row.counts.resolved) issues.push({ row: index, field: 'counts.resolvedOnTime', reason: 'More files resolved on time than resolved.' });
    if (row.counts.overdue > row.counts.pending) issues.push({ row: index, field: 'counts.overdue', reason: 'More files overdue than pending.' });
    for (const kpi of Object.keys(row.rates)) {
      if (!kpis.has(kpi)) issues.push({ row: index, field: `rates.${kpi}`, reason: `"${kpi}" is not a service KPI of the catalogue (${[...kpis].join(', ')}).` });
    }
    const key = `${row.unit} ${at.getTime()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) issues.push({ row: index, field: '', reason: `The same unit and instant as row ${earlier}.` });
    seen.set(key, index);
    if (issues.length === before) good.push(row);
  });
  if (issues.length > 0) throw new ServiceRowsError(issues.sort((a, b) => a.row - b.row));
  return good;
}

function columnsOf(row: ServiceKpiRow, source: string) {
  return {
    unit_code: row.unit,
    day: row.day,
    at: row.at,
    received: row.counts.received,
    resolved: row.counts.resolved,
    resolved_on_time: row.counts.resolvedOnTime,
    pending: row.counts.pending,
    overdue: row.counts.overdue,
    rates: JSON.stringify(row.rates),
    source,
  };
}


/**
 * Each row becomes its unit's close of its day, unless the day already holds this snapshot or a later one (a
 * late push never takes a close back in time; the same snapshot sent again changes nothing).
 */
async function upsertCloses(db: Kysely<Database>, rows: readonly ServiceKpiRow[], source: string): Promise<void> {
  for (const batch of batches(rows, BATCH_ROWS)) {
    await db
      .insertInto('service_day_closes')
      .values(batch.map((row) => columnsOf(row, source)))
      .onConflict((oc) =>
        oc
          .columns(['unit_code', 'day'])
          .doUpdateSet((eb) => ({
            at: eb.ref('excluded.at'),
            received: eb.ref('excluded.received'),
            resolved: eb.ref('excluded.resolved'),
            resolved_on_time: eb.ref('excluded.resolved_on_time'),
            pending: eb.ref('excluded.pending'),
            overdue: eb.ref('excluded.overdue'),
            rates: eb.ref('excluded.rates'),
            source: eb.ref('excluded.source'),
            stored_at: sql<Date>`now()`,
          }))
          .where('service_day_closes.at', '<', (eb) => eb.ref('excluded.at')),
      )
      .execute();
  }
}

export interface StoredFigures {
  /** Rows written as new snapshots (a snapshot sent again is stored once). */
  snapshots: number;
}

/**
 * Stores snapshots a source sent (the one-stop-shop system's push, a pull connector or the sample's feeder):
 * every row is kept in service_snapshots, and becomes its unit's close of its day so far. All or nothing: a
 * bad row throws ServiceRowsError, naming every problem, and nothing is written. Call inside a transaction.
 */
export async function storeServiceRows(db: Kysely<Database>, rows: readonly unknown[], source: string): Promise<StoredFigures> {
  const good = await checkRows(db, rows);
  let snapshots = 0;
  for (const batch of batches(good, BATCH_ROWS)) {
    const result = await db
      .insertInto('service_snapshots')
      .values(batch.map((row) => columnsOf(row, source)))
      .onConflict((oc) => oc.columns(['unit_code', 'at']).doNothing())
      .executeTakeFirst();
    snapshots += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  await upsertCloses(db, good, source);
  return { snapshots };
}

/**
 * Stores days' closes without their snapshots: what a back-fill of closed days writes (the sample's history,
 * or a source's daily totals). Checked and written as storeServiceRows does.
 */
export async function storeServiceCloses(db: Kysely<Database>, rows: readonly unknown[], source: string): Promise<void> {
  await upsertCloses(db, await checkRows(db, rows), source);
}
