import * as v from 'valibot';
import { BoundaryFeature } from '../contract/boundaries';
import { envelopeEntries } from '../contract/common';
import type { FeedContext, FeedRequest } from './context';
import { checkEnvelope, fetchBody, parseJson } from './envelope';
import { partitionRows } from './rows';
import type { FeedResult } from './result';

/** One unit's outline, keyed by its unit code. */
export interface BoundaryUnit {
  code: string;
  name?: string;
  geometry: BoundaryFeature['geometry'];
}

/** The outlines of one level's units, one per code. */
export interface BoundarySet {
  level: string;
  features: BoundaryUnit[];
}

/** Where the boundaries are and which feature property holds the unit code (`geo` in config.json). */
export interface GeoSource {
  url: string;
  codeProperty: string;
}

/** The GeoJSON itself is the envelope: `asOf` and `sample` are foreign members; features are checked one by one. */
const FeatureCollection = v.object({
  type: v.literal('FeatureCollection'),
  ...envelopeEntries,
  features: v.array(v.unknown()),
});

/** The URL of one level's boundaries: `{level}` filled in; a relative URL is read against the API base by the client. */
export function boundariesUrl(url: string, level: string): string {
  return url.replace(/\{level\}/g, encodeURIComponent(level));
}

/**
 * A level's unit outlines from the GeoJSON named in config. A feature with a broken geometry, without a unit
 * code in `properties[codeProperty]`, or repeating a code is left out and counted; the rest are used.
 */
export async function loadBoundaries(
  ctx: FeedContext,
  geo: GeoSource,
  level: string,
  request: FeedRequest = {},
): Promise<FeedResult<BoundarySet>> {
  const got = await fetchBody(ctx.client, 'boundaries', boundariesUrl(geo.url, level), undefined, request);
  if (!got.ok || got.notModified) return got;
  const parsed = parseJson('boundaries', got.body, got.contentType);
  if (!parsed.ok) return parsed;
  const checked = checkEnvelope('boundaries', parsed.value, FeatureCollection);
  if (!checked.ok) return checked;

  const codeOf = (feature: BoundaryFeature): unknown => feature.properties[geo.codeProperty];
  const seen = new Set<string>();
  const { valid, rejected } = partitionRows(checked.envelope.features, BoundaryFeature, (feature) => {
    const code = codeOf(feature);
    if (typeof code !== 'string' || code.trim() === '') return `properties.${geo.codeProperty}: no unit code`;
    if (seen.has(code)) return `unit ${code} has a second outline`;
    seen.add(code);
    return null;
  });
  const features = valid.map((feature): BoundaryUnit => {
    const name = feature.properties.name;
    return { code: codeOf(feature) as string, ...(typeof name === 'string' ? { name } : {}), geometry: feature.geometry };
  });
  return { ok: true, data: { level, features }, asOf: checked.envelope.asOf, sample: checked.envelope.sample, rejected, etag: got.etag };
}
