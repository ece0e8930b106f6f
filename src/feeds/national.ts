import { NationalRow } from '../contract/national';
import type { Indicator } from '../contract/indicators';
import { fetchEnvelope } from './envelope';
import { csvParams, feedUrl, type FeedContext, type FeedRequest } from './context';
import { partitionRows } from './rows';
import type { FeedResult } from './result';

export interface NationalQuery {
  indicator?: readonly string[];
  period?: readonly number[];
}

/** Every province's standing per indicator and year, validated row by row. */
export async function loadNational(
  ctx: FeedContext,
  query: NationalQuery,
  catalogue: readonly Indicator[],
  request: FeedRequest = {},
): Promise<FeedResult<NationalRow[]>> {
  const params = csvParams({ indicator: query.indicator, period: query.period });
  const got = await fetchEnvelope(ctx.client, 'national', feedUrl(ctx, 'national'), params, request);
  if (!got.ok || got.notModified) return got;
  const byId = new Map(catalogue.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const { valid, rejected } = partitionRows(got.envelope.data.rows, NationalRow, (row) => {
    const indicator = byId.get(row.indicator);
    if (!indicator) return `unknown indicator "${row.indicator}"`;
    if (query.indicator && !query.indicator.includes(row.indicator)) return `indicator ${row.indicator} was not asked for`;
    if (query.period && !query.period.includes(row.period)) return `period ${row.period} was not asked for`;
    if (row.value < indicator.scale.min || row.value > indicator.scale.max) return `${row.indicator} ${row.province} ${row.period}: value ${row.value} out of scale`;
    if (row.rank > row.rankOf) return `${row.province}: rank ${row.rank} of ${row.rankOf}`;
    const key = `${row.indicator}|${row.province}|${row.period}`;
    if (seen.has(key)) return `second row for ${key}`;
    seen.add(key);
    return null;
  });
  return { ok: true, data: valid, asOf: got.envelope.asOf, sample: got.envelope.sample, rejected, etag: got.etag };
}
