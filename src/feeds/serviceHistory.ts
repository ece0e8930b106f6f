import * as v from 'valibot';
import { IsoDate } from '../contract/common';
import { ServiceDay, ServicePeriodRow } from '../contract/serviceHistory';
import type { ServiceCloses, ServiceHistory, ServicePeriodFigures } from '../domain/types';
import { fetchEnvelope } from './envelope';
import { feedError } from './feedError';
import { csvParams, feedUrl, type FeedContext, type FeedRequest } from './context';
import { partitionRows } from './rows';
import type { FeedResult, Rejection } from './result';

export interface ServiceClosesQuery {
  level?: string;
  unit?: readonly string[];
}

/** A period row that contradicts itself, or the question, is quarantined: the reason, else null. */
function periodRowProblem(row: ServicePeriodFigures, knownUnits: ReadonlySet<string> | null): string | null {
  if (knownUnits && !knownUnits.has(row.unit)) return `unit ${row.unit} is not in the unit table`;
  if (row.period.from > row.period.to) return `${row.unit}: the period ends (${row.period.to}) before it starts (${row.period.from})`;
  if (row.period.kind === 'day' && row.period.from !== row.period.to) return `${row.unit}: a day's close spans ${row.period.from} to ${row.period.to}`;
  const c = row.counts;
  if (c.resolvedOnTime > c.resolved) return `${row.unit}: more resolved on time than resolved`;
  if (c.overdue > c.pending) return `${row.unit}: more overdue than pending`;
  return null;
}

/** The parts of a history answer beside its rows: checked whole, as a bad calendar would mislabel every row. */
const Frame = v.object({ today: IsoDate, calendar: v.array(ServiceDay) });

/**
 * Every unit's close of the last working day and its month so far (GET service-kpis/closes). Rows that contradict
 * themselves, or repeat a unit's period, are quarantined; the valid ones are kept.
 */
export async function loadServiceCloses(
  ctx: FeedContext,
  query: ServiceClosesQuery,
  knownUnits: ReadonlySet<string> | null,
  request: FeedRequest = {},
): Promise<FeedResult<ServiceCloses>> {
  const got = await fetchEnvelope(ctx.client, 'service-closes', feedUrl(ctx, 'service-closes'), csvParams({ level: query.level, unit: query.unit }), request);
  if (!got.ok || got.notModified) return got;
  const data = got.envelope.data;
  const frame = v.safeParse(v.object({ ...Frame.entries, lastWorkingDay: v.nullable(IsoDate) }), data);
  if (!frame.success) {
    const issue = frame.issues[0];
    return { ok: false, error: feedError('service-closes', 'schema', `${v.getDotPath(issue) ?? 'data'}: ${issue.message}`, { field: v.getDotPath(issue) ?? undefined }) };
  }
  const seen = new Set<string>();
  const { valid, rejected } = partitionRows(data.rows, ServicePeriodRow, (row) => {
    if (query.level && row.level !== query.level) return `level ${row.level} was not asked for`;
    const key = `${row.unit}|${row.period.kind}`;
    if (seen.has(key)) return `second ${row.period.kind} row for ${row.unit}`;
    seen.add(key);
    return periodRowProblem(row, knownUnits);
  });
  const closes: ServiceCloses = { today: frame.output.today, lastWorkingDay: frame.output.lastWorkingDay, calendar: frame.output.calendar, rows: valid };
  return { ok: true, data: closes, asOf: got.envelope.asOf, sample: got.envelope.sample, rejected, etag: got.etag };
}

/** One unit's daily closes and months (GET units/{code}/service-history); rows of another unit are quarantined. */
export async function loadServiceHistory(ctx: FeedContext, unit: string, request: FeedRequest = {}): Promise<FeedResult<ServiceHistory>> {
  const got = await fetchEnvelope(ctx.client, 'service-history', feedUrl(ctx, 'service-history', { code: unit }), undefined, request);
  if (!got.ok || got.notModified) return got;
  const data = got.envelope.data;
  const frame = v.safeParse(Frame, data);
  if (!frame.success) {
    const issue = frame.issues[0];
    return { ok: false, error: feedError('service-history', 'schema', `${v.getDotPath(issue) ?? 'data'}: ${issue.message}`, { field: v.getDotPath(issue) ?? undefined }) };
  }
  const check = (kind: 'day' | 'month') => (row: ServicePeriodFigures) => {
    if (row.unit !== unit) return `row for unit ${row.unit}, not ${unit}`;
    if (row.period.kind !== kind) return `a ${row.period.kind} row among the ${kind}s`;
    return periodRowProblem(row, null);
  };
  const days = partitionRows(data.days, ServicePeriodRow, check('day'));
  const months = partitionRows(data.months, ServicePeriodRow, check('month'));
  const byStart = (a: ServicePeriodFigures, b: ServicePeriodFigures) => (a.period.from < b.period.from ? -1 : a.period.from > b.period.from ? 1 : 0);
  const rejected: Rejection[] = [...days.rejected, ...months.rejected.map((r) => ({ ...r, reason: `months: ${r.reason}` }))];
  const history: ServiceHistory = { unit, today: frame.output.today, calendar: frame.output.calendar, days: days.valid.sort(byStart), months: months.valid.sort(byStart) };
  return { ok: true, data: history, asOf: got.envelope.asOf, sample: got.envelope.sample, rejected, etag: got.etag };
}
