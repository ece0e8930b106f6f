import { EventRow } from '../contract/events';
import { fetchEnvelope } from './envelope';
import { feedUrl, type FeedContext } from './context';
import { partitionRows } from './rows';
import type { FeedResult } from './result';

/** Events and annotations: methodology breaks, boundary changes, publications. */
export async function loadEvents(ctx: FeedContext, signal?: AbortSignal): Promise<FeedResult<EventRow[]>> {
  const got = await fetchEnvelope(ctx.client, 'events', feedUrl(ctx, 'events'), undefined, signal);
  if (!got.ok) return got;
  const { valid, rejected } = partitionRows(got.envelope.data.rows, EventRow);
  return { ok: true, data: valid, asOf: got.envelope.asOf, sample: got.envelope.sample, rejected };
}
