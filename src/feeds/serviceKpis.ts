import { ServiceKpiRow } from '../contract/serviceKpis';
import type { ServiceSnapshot } from '../domain/types';
import { fetchEnvelope } from './envelope';
import { csvParams, feedUrl, type FeedContext, type FeedRequest } from './context';
import { partitionRows } from './rows';
import type { FeedResult } from './result';

export interface ServiceKpiQuery {
  level?: string;
  unit?: readonly string[];
}

/** Live one-stop-shop KPIs; rows that contradict themselves are quarantined. */
export async function loadServiceKpis(
  ctx: FeedContext,
  query: ServiceKpiQuery,
  knownUnits: ReadonlySet<string> | null,
  request: FeedRequest = {},
): Promise<FeedResult<ServiceSnapshot[]>> {
  const params = csvParams({ level: query.level, unit: query.unit });
  const got = await fetchEnvelope(ctx.client, 'service-kpis', feedUrl(ctx, 'service-kpis'), params, request);
  if (!got.ok || got.notModified) return got;
  const seen = new Set<string>();
  const { valid, rejected } = partitionRows(got.envelope.data.rows, ServiceKpiRow, (row) => {
    if (knownUnits && !knownUnits.has(row.unit)) return `unit ${row.unit} is not in the unit table`;
    if (query.level && row.level !== query.level) return `level ${row.level} was not asked for`;
    const c = row.counts;
    if (c.resolvedOnTime > c.resolved) return `${row.unit}: more resolved on time than resolved`;
    if (c.overdue > c.pending) return `${row.unit}: more overdue than pending`;
    if (seen.has(row.unit)) return `second row for ${row.unit}`;
    seen.add(row.unit);
    return null;
  });
  return { ok: true, data: valid, asOf: got.envelope.asOf, sample: got.envelope.sample, rejected, etag: got.etag };
}
