import { Indicator } from '../contract/indicators';
import { fetchEnvelope } from './envelope';
import { feedUrl, type FeedContext, type FeedRequest } from './context';
import { partitionRows } from './rows';
import type { FeedResult } from './result';

/** The indicator catalogue; an indicator with a broken definition is quarantined, the rest are used. */
export async function loadCatalogue(ctx: FeedContext, request: FeedRequest = {}): Promise<FeedResult<Indicator[]>> {
  const got = await fetchEnvelope(ctx.client, 'indicators', feedUrl(ctx, 'indicators'), undefined, request);
  if (!got.ok || got.notModified) return got;
  const seen = new Set<string>();
  const { valid, rejected } = partitionRows(got.envelope.data.indicators, Indicator, (indicator) => {
    if (seen.has(indicator.id)) return `indicator ${indicator.id} listed twice`;
    seen.add(indicator.id);
    if (!(indicator.scale.min < indicator.scale.max)) return `indicator ${indicator.id}: scale min is not below max`;
    return null;
  });
  return { ok: true, data: valid, asOf: got.envelope.asOf, sample: got.envelope.sample, rejected, etag: got.etag };
}
