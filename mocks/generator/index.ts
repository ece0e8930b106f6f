/**
 * The sample province: a seeded, deterministic generator of everything the sample API serves.
 * `generateProvince({ seed })` gives byte-identical JSON for the same options; `serviceKpisAt` derives
 * the live one-stop-shop figures for any instant from it.
 */
import { buildBoundaries } from './boundaries';
import { buildCatalogue } from './catalogue';
import { DEFAULT_COMMUNES, DEFAULT_DISTRICTS, MAX_COMMUNES, MAX_DISTRICTS, MIN_COMMUNES, MIN_DISTRICTS } from './constants';
import { buildEvents } from './events';
import { buildIndices, yearsOf } from './indices';
import { buildLayout } from './layout';
import { clamp } from './math';
import { buildMeta } from './meta';
import { Rng } from './rng';
import { buildServiceProfiles } from './service';
import type { GenerateOptions, SampleProvince } from './types';
import { buildUnits } from './units';

export { serviceKpisAt } from './serviceKpis';
export type { GenerateOptions, SampleProvince, ServiceProfile, ServiceKpisAt } from './types';

/**
 * Generates the sample province. Options: `seed` (any integer; the same seed gives the same province),
 * `communes` (default 80, clamped to 20–300; real provinces have 38–168), `districts` (default 9,
 * clamped to 3–10).
 */
export function generateProvince(options: GenerateOptions): SampleProvince {
  const seed = Math.trunc(options.seed) >>> 0;
  const districtCount = clamp(Math.round(options.districts ?? DEFAULT_DISTRICTS), MIN_DISTRICTS, MAX_DISTRICTS);
  const communeCount = clamp(Math.round(options.communes ?? DEFAULT_COMMUNES), MIN_COMMUNES, MAX_COMMUNES);
  const root = new Rng(seed);

  const layout = buildLayout(root.fork('layout'), districtCount, communeCount);
  const units = buildUnits(root.fork('units'), layout);
  const indicators = buildCatalogue();
  const { observations, national, strength } = buildIndices(root.fork('indices'), indicators, units);
  const annual = indicators.filter((i) => i.kind === 'annual-index');

  return {
    seed: options.seed,
    meta: buildMeta(),
    units: [units.province, ...units.districts.map((d) => d.unit), ...units.communes.map((c) => c.unit)],
    crosswalk: units.crosswalk,
    indicators,
    observations,
    national,
    events: buildEvents(root.fork('events'), annual, yearsOf, units.districts.length, units.communes.length),
    boundaries: buildBoundaries(layout, units),
    service: buildServiceProfiles(root.fork('service'), units, strength),
    dips: options.dips ?? true,
  };
}
