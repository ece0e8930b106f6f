import { EventRow } from '../contract/events';
import { fetchEnvelope } from './envelope';
import { feedUrl, type FeedContext, type FeedRequest } from './context';
import { partitionRows } from './rows';
import type { FeedResult } from './result';

/** Events and annotations: methodology breaks, boundary changes, publications. */
export async function loadEvents(ctx: FeedContext, request: FeedRequest = {}): Promise<FeedResult<EventRow[]>> {
  const got = await fetchEnvelope(ctx.client, 'events', feedUrl(ctx, 'events'), undefined, request);
  if (!got.ok || got.notModified) return got;
  const { valid, rejected } = partitionRows(got.envelope.data.rows, EventRow);
  return { ok: true, data: valid, asOf: got.envelope.asOf, sample: got.envelope.sample, rejected, etag: got.etag };
}
