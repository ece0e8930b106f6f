import { Meta } from '../contract/meta';
import { checkEnvelope, fetchEnvelope } from './envelope';
import { feedUrl, type FeedContext, type FeedRequest } from './context';
import type { FeedResult } from './result';

/** The province, its levels and years, and the sample flag. */
export async function loadMeta(ctx: FeedContext, request: FeedRequest = {}): Promise<FeedResult<Meta>> {
  const got = await fetchEnvelope(ctx.client, 'meta', feedUrl(ctx, 'meta'), undefined, request);
  if (!got.ok || got.notModified) return got;
  const checked = checkEnvelope('meta', got.envelope.data, Meta);
  if (!checked.ok) return checked;
  return { ok: true, data: checked.envelope, asOf: got.envelope.asOf, sample: got.envelope.sample, rejected: [], etag: got.etag };
}
