import type { BoundaryFeature } from '../../src/contract/boundaries';
import type { SampleProvince } from '../generator/types';

/** What every route of the sample API reads from. */
export interface ApiContext {
  province: SampleProvince;
  /** The clock: asOf stamps and the live KPIs' instant. */
  now: () => Date;
}

export interface RouteRequest {
  url: URL;
  /** Path parameters by name (`code` in /units/{code}/series). */
  params: Readonly<Record<string, string | undefined>>;
  /** The instant this request is answered at (one reading of the clock per request). */
  at: Date;
}

/**
 * A route's answer before it is wrapped: `data` goes into the `{ asOf, sample, data }` envelope;
 * `features` into a GeoJSON FeatureCollection carrying asOf and sample as foreign members.
 * `asOf` overrides the request's instant (the live KPIs are stamped with their snapshot's minute).
 */
export type RouteAnswer = { data: unknown; asOf?: Date } | { features: BoundaryFeature[]; asOf?: Date };

export type RouteResolver = (request: RouteRequest, context: ApiContext) => RouteAnswer;
