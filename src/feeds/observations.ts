import { ObservationRow } from '../contract/observations';
import type { Indicator } from '../contract/indicators';
import type { Observation } from '../domain/types';
import { fetchEnvelope } from './envelope';
import { csvParams, feedUrl, type FeedContext, type FeedRequest } from './context';
import { partitionRows } from './rows';
import type { FeedResult } from './result';

export interface ObservationQuery {
  indicator?: readonly string[];
  period?: readonly number[];
  level?: string;
  unit?: readonly string[];
}

/** A stable key for a query, so equal queries share one request and one cache entry. */
export function observationQueryKey(q: ObservationQuery): string {
  const list = (xs: readonly (string | number)[] | undefined) => (xs ? [...xs].map(String).sort().join(',') : '*');
  return `i=${list(q.indicator)}|p=${list(q.period)}|l=${q.level ?? '*'}|u=${list(q.unit)}`;
}

/**
 * Checks a row against the catalogue and the question asked: a known indicator, a value and components inside
 * their scales, the period and level that were asked for, no second row for the same unit and year.
 */
export function observationRowCheck(catalogue: readonly Indicator[], query: ObservationQuery, knownUnits: ReadonlySet<string> | null = null) {
  const byId = new Map(catalogue.map((i) => [i.id, i]));
  const seen = new Set<string>();
  return (row: ObservationRow): string | null => {
    const indicator = byId.get(row.indicator);
    if (!indicator) return `unknown indicator "${row.indicator}"`;
    if (knownUnits && !knownUnits.has(row.unit)) return `unit ${row.unit} is not in the unit table`;
    if (query.indicator && !query.indicator.includes(row.indicator)) return `indicator ${row.indicator} was not asked for`;
    if (query.period && !query.period.includes(row.period)) return `period ${row.period} was not asked for`;
    if (query.level && row.level !== query.level) return `level ${row.level} was not asked for`;
    if (query.unit && !query.unit.includes(row.unit)) return `unit ${row.unit} was not asked for`;
    const { min, max } = indicator.scale;
    if (row.value < min || row.value > max) return `${row.indicator} ${row.unit} ${row.period}: value ${row.value} outside ${min}–${max}`;
    for (const [id, score] of Object.entries(row.components ?? {})) {
      const component = indicator.components.find((c) => c.id === id);
      if (!component) return `${row.indicator}: unknown component "${id}"`;
      if (score < 0 || score > component.max) return `${row.indicator}.${id}: ${score} outside 0–${component.max}`;
    }
    const key = `${row.indicator}|${row.unit}|${row.period}`;
    if (seen.has(key)) return `second row for ${row.indicator} ${row.unit} ${row.period}`;
    seen.add(key);
    return null;
  };
}

export function toObservation(row: ObservationRow): Observation {
  return {
    indicator: row.indicator,
    unit: row.unit,
    level: row.level,
    period: row.period,
    value: row.value,
    rank: row.rank ?? null,
    rankOf: row.rankOf ?? null,
    components: row.components ?? {},
  };
}

/** Values by indicator, period and level, validated row by row. */
export async function loadObservations(
  ctx: FeedContext,
  query: ObservationQuery,
  catalogue: readonly Indicator[],
  knownUnits: ReadonlySet<string> | null,
  request: FeedRequest = {},
): Promise<FeedResult<Observation[]>> {
  const params = csvParams({ indicator: query.indicator, period: query.period, level: query.level, unit: query.unit });
  const got = await fetchEnvelope(ctx.client, 'observations', feedUrl(ctx, 'observations'), params, request);
  if (!got.ok || got.notModified) return got;
  const { valid, rejected } = partitionRows(got.envelope.data.rows, ObservationRow, observationRowCheck(catalogue, query, knownUnits));
  return { ok: true, data: valid.map(toObservation), asOf: got.envelope.asOf, sample: got.envelope.sample, rejected, etag: got.etag };
}

/** Every year of every indicator for one unit. */
export async function loadSeries(
  ctx: FeedContext,
  unit: string,
  catalogue: readonly Indicator[],
  knownUnits: ReadonlySet<string> | null,
  request: FeedRequest = {},
): Promise<FeedResult<Observation[]>> {
  const got = await fetchEnvelope(ctx.client, 'series', feedUrl(ctx, 'series', { code: unit }), undefined, request);
  if (!got.ok || got.notModified) return got;
  const check = observationRowCheck(catalogue, { unit: [unit] }, knownUnits);
  const { valid, rejected } = partitionRows(got.envelope.data.rows, ObservationRow, (row) =>
    row.unit === unit ? check(row) : `row for unit ${row.unit}, not ${unit}`,
  );
  return { ok: true, data: valid.map(toObservation), asOf: got.envelope.asOf, sample: got.envelope.sample, rejected, etag: got.etag };
}
