import type { FeedId } from '../../src/contract/routes';
import { toVnIso } from '../../src/domain/time';
import { cacheControlOf, dailyLoadOf, etagOf, ifNoneMatchHits, notModifiedResponse } from '../../mocks/handlers/caching';
import { GEO_JSON_TYPE, JSON_TYPE, encodeJson, jsonBytesResponse } from '../../mocks/handlers/respond';
import type { Dataset } from '../read/dataset';

/**
 * When the answer's data last changed: the dataset's change time, or for the seeded sample the sample API's
 * daily load (midnight Vietnam time of `at`), so the hub and the sample API stamp the sample alike and an
 * unchanged answer keeps its bytes, and its ETag, all day.
 */
export function asOfOf(dataset: Dataset, at: Date): string {
  return toVnIso(dataset.changedAt ?? dailyLoadOf(at));
}

/**
 * A data answer exactly as the sample API sends it: the body (the `{ asOf, sample, data }` envelope, or a GeoJSON
 * FeatureCollection with asOf and sample as foreign members) serialised once, a strong ETag of its bytes and the
 * feed's max-age; a 304 without a body when If-None-Match names the tag.
 */
export function dataResponse(request: Request, feed: FeedId, body: unknown, geoJson = false): Response {
  const bytes = encodeJson(body);
  const etag = etagOf(bytes);
  const cacheControl = cacheControlOf(feed);
  if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) return notModifiedResponse(etag, cacheControl);
  return jsonBytesResponse(bytes, { contentType: geoJson ? GEO_JSON_TYPE : JSON_TYPE, headers: { ETag: etag, 'Cache-Control': cacheControl } });
}
