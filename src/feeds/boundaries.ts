import * as v from 'valibot';
import { BoundaryFeature } from '../contract/boundaries';
import { IsoDateTime } from '../contract/common';
import { normaliseUnitCode, unitCodeForm } from '../domain/unitCode';
import { toVnIso } from '../domain/time';
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

/** What the outlines are joined to, and the clock for a file that does not say when it was current. */
export interface BoundaryJoin {
  /**
   * The codes of the level's units, from the unit table: each feature's code is brought to one of them (1234 →
   * "01234"). A code that names none is kept as written, for the map's coverage (domain/unitHistory.ts
   * mapCoverage) to list on /status. Null or absent: the unit table is not known, and codes are taken as written.
   */
  knownCodes?: ReadonlySet<string> | null;
  /** Now, in ms since the epoch (default Date.now): the as-of of a file without `asOf` or `Last-Modified`. */
  now?: () => number;
}

/**
 * A GeoJSON FeatureCollection. Contract v1's route adds `asOf` and `sample` as foreign members, and they are
 * checked when present; a plain file, as a land office exports it, has neither. Features are checked one by one.
 */
const FeatureCollection = v.object({
  type: v.literal('FeatureCollection'),
  asOf: v.optional(IsoDateTime),
  sample: v.optional(v.boolean()),
  features: v.array(v.unknown()),
});

/**
 * A feature as any GeoJSON file has it: the outline is checked as the contract has it; the properties are
 * anyone's (the code may be a number, `properties` may be null), and are read below.
 */
const GeoFeature = v.object({
  type: v.literal('Feature'),
  properties: v.nullable(v.looseObject({})),
  geometry: BoundaryFeature.entries.geometry,
});
type GeoFeature = v.InferOutput<typeof GeoFeature>;

/** Longest feature name kept (as the contract's `Text`); a longer or non-text name is not used. */
const MAX_NAME_LENGTH = 500;

/** The URL of one level's boundaries: `{level}` filled in; a relative URL is read against the API base by the client. */
export function boundariesUrl(url: string, level: string): string {
  return url.replace(/\{level\}/g, encodeURIComponent(level));
}

/**
 * When the outlines were current: the file's own `asOf` (contract v1); else its `Last-Modified` header; else
 * the moment it was fetched.
 */
function asOfOf(stated: string | undefined, lastModified: string | null, now: () => number): string {
  if (stated !== undefined) return stated;
  const modified = lastModified === null ? Number.NaN : Date.parse(lastModified);
  return toVnIso(new Date(Number.isFinite(modified) ? modified : now()));
}

const isBlank = (raw: unknown) => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/** A raw property value, short, for a rejection's reason (shown as text). */
const shown = (raw: unknown) => {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/**
 * A level's unit outlines from the GeoJSON named in config. A feature with a broken geometry, without a unit
 * code in `properties[codeProperty]`, or repeating a code is left out and counted; the rest are used, keyed by
 * the unit's code (in the unit table's form when `join.knownCodes` has it).
 */
export async function loadBoundaries(
  ctx: FeedContext,
  geo: GeoSource,
  level: string,
  request: FeedRequest = {},
  join: BoundaryJoin = {},
): Promise<FeedResult<BoundarySet>> {
  const now = join.now ?? Date.now;
  const known = join.knownCodes ?? null;
  const got = await fetchBody(ctx.client, 'boundaries', boundariesUrl(geo.url, level), undefined, request);
  if (!got.ok || got.notModified) return got;
  const parsed = parseJson('boundaries', got.body, got.contentType);
  if (!parsed.ok) return parsed;
  const checked = checkEnvelope('boundaries', parsed.value, FeatureCollection);
  if (!checked.ok) return checked;

  const field = `properties.${geo.codeProperty}`;
  const codes = new Map<GeoFeature, string>();
  const seen = new Set<string>();
  const { valid, rejected } = partitionRows(checked.envelope.features, GeoFeature, (feature) => {
    const raw = feature.properties?.[geo.codeProperty];
    if (isBlank(raw)) return `${field}: no unit code`;
    if (unitCodeForm(raw) === null) return `${field}: ${shown(raw)} is not a unit code`;
    const code = (known && normaliseUnitCode(raw, known)) ?? (unitCodeForm(raw) as string);
    if (seen.has(code)) return `unit ${code} has a second outline`;
    seen.add(code);
    codes.set(feature, code);
    return null;
  });
  const features = valid.map((feature): BoundaryUnit => {
    const name = feature.properties?.name;
    const named = typeof name === 'string' && name.length <= MAX_NAME_LENGTH;
    return { code: codes.get(feature) as string, ...(named ? { name } : {}), geometry: feature.geometry };
  });
  return {
    ok: true,
    data: { level, features },
    asOf: asOfOf(checked.envelope.asOf, got.lastModified, now),
    sample: checked.envelope.sample ?? false,
    rejected,
    etag: got.etag,
  };
}
