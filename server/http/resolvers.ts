import type { Kysely } from 'kysely';
import type { FeedId } from '../../src/contract/routes';
import { readCsv, readIntegers, readLevel } from '../../mocks/handlers/query';
import { ProblemError } from '../../mocks/handlers/respond';
import type { Database } from '../db/schema';
import { readLevelIds, unitExists } from '../read/dataset';
import { readIndicators } from '../read/indicators';
import { readMeta } from '../read/meta';
import { readObservations } from '../read/observations';
import { readUnits } from '../read/units';
import { readNational } from '../read/national';
import { readEvents } from '../read/events';
import { readBoundaries } from '../read/boundaries';
import type { Dataset } from '../read/dataset';
import { serviceCloses, serviceHistory, serviceKpis } from './serviceResolvers';

/** One request to a route of the contract, as a resolver sees it. */
export interface HubRequest {
  url: URL;
  /** Path parameters by name, decoded (`code` in /units/{code}/series). */
  params: Readonly<Record<string, string>>;
  /** The instant the answer is for. */
  now: Date;
  dataset: Dataset;
}

/** A route's answer: its `data`, and when it last changed where that is not the dataset's change time. */
export interface HubAnswer {
  data: unknown;
  asOf?: Date;
}

/** A route's answer; throws ProblemError for a bad request. */
export type HubResolver = (request: HubRequest, db: Kysely<Database>) => Promise<HubAnswer>;

/** Thrown when the hub holds no dataset yet (answered 503). */
export class NoDatasetError extends Error {
  constructor() {
    super('The hub holds no data yet: load a dataset, or start it on an empty database to get the sample province.');
    this.name = 'NoDatasetError';
  }
}

const meta: HubResolver = async (_request, db) => {
  const data = await readMeta(db);
  if (data === undefined) throw new NoDatasetError();
  return { data };
};

const units: HubResolver = async ({ url }, db) => ({ data: await readUnits(db, readLevel(url, await readLevelIds(db), { required: false })) });

const indicators: HubResolver = async (_request, db) => ({ data: await readIndicators(db) });

const observations: HubResolver = async ({ url }, db) => {
  // Read in the sample API's order, so a request with two bad parameters gets the same problem from both.
  const indicator = readCsv(url, 'indicator');
  const period = readIntegers(url, 'period');
  const level = readLevel(url, await readLevelIds(db), { required: false });
  const unit = readCsv(url, 'unit');
  return { data: await readObservations(db, { indicators: indicator, periods: period, level, units: unit }) };
};

const series: HubResolver = async ({ url, params }, db) => {
  const code = params.code ?? '';
  if (!(await unitExists(db, code))) throw new ProblemError(404, `No unit "${code}"; GET /units lists the unit codes.`);
  return { data: await readObservations(db, { units: [code], indicators: readCsv(url, 'indicator') }) };
};

const national: HubResolver = async ({ url }, db) => {
  const indicator = readCsv(url, 'indicator');
  return { data: await readNational(db, { indicators: indicator, periods: readIntegers(url, 'period') }) };
};

const events: HubResolver = async ({ url }, db) => ({ data: await readEvents(db, readCsv(url, 'indicator')) });

/** The features of the level's outlines: the hub wraps them in a FeatureCollection (the route is GeoJSON). */
const boundaries: HubResolver = async ({ url }, db) => ({ data: await readBoundaries(db, readLevel(url, await readLevelIds(db), { required: true }) ?? '') });

/** Every feed of contract v1, from the hub's database. */
export const HUB_RESOLVERS: Readonly<Record<FeedId, HubResolver>> = {
  meta,
  units,
  indicators,
  observations,
  series,
  national,
  events,
  boundaries,
  'service-kpis': serviceKpis,
  'service-closes': serviceCloses,
  'service-history': serviceHistory,
};
