import type { Insertable } from 'kysely';
import type { SampleProvince } from '../../mocks/generator/types';
import type { Database } from '../db/schema';

/** Every table's rows for a province in contract shape: what the seed (and later an import) writes. */
export interface ProvinceRows {
  levels: Insertable<Database['levels']>[];
  units: Insertable<Database['units']>[];
  crosswalk: Insertable<Database['crosswalk']>[];
  indicators: Insertable<Database['indicators']>[];
  indicatorLevels: Insertable<Database['indicator_levels']>[];
  components: Insertable<Database['components']>[];
  breaks: Insertable<Database['methodology_breaks']>[];
  observations: Insertable<Database['observations']>[];
  observationComponents: Insertable<Database['observation_components']>[];
  national: Insertable<Database['national_standings']>[];
  events: Insertable<Database['events']>[];
  boundaries: Insertable<Database['boundaries']>[];
  meta: Insertable<Database['hub_meta']>;
}

/** Contract fields are optional (absent), columns are nullable (null). */
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** The sample province as table rows. Order in the generator's arrays becomes `position` where it carries meaning. */
export function rowsOfProvince(province: SampleProvince): ProvinceRows {
  const { meta } = province;
  return {
    levels: meta.levels.map((level, position) => ({
      id: level.id,
      position,
      name: level.name,
      name_en: orNull(level.nameEn),
      depth: level.depth,
      valid_from: level.validFrom,
      valid_to: level.validTo,
    })),
    units: province.units.map((unit) => ({
      code: unit.code,
      name: unit.name,
      name_en: orNull(unit.nameEn),
      level_id: unit.level,
      kind: orNull(unit.kind),
      parent_code: unit.parent,
      valid_from: unit.validFrom,
      valid_to: unit.validTo,
    })),
    crosswalk: province.crosswalk.map((edge) => ({ from_code: edge.from, to_code: edge.to, effective: edge.effective, weight: edge.weight })),
    indicators: province.indicators.map((indicator, position) => ({
      id: indicator.id,
      position,
      kind: indicator.kind,
      name: indicator.name,
      name_en: orNull(indicator.nameEn),
      short_name: indicator.shortName,
      short_name_en: orNull(indicator.shortNameEn),
      publisher: orNull(indicator.publisher),
      publisher_en: orNull(indicator.publisherEn),
      unit_index_name: orNull(indicator.unitIndexName),
      unit_index_name_en: orNull(indicator.unitIndexNameEn),
      scale_min: indicator.scale.min,
      scale_max: indicator.scale.max,
      scale_unit: indicator.scale.unit,
      scale_decimals: indicator.scale.decimals,
      direction: indicator.direction,
      cadence: indicator.cadence,
      first_period: orNull(indicator.firstPeriod),
    })),
    indicatorLevels: province.indicators.flatMap((indicator) =>
      indicator.levels.map((level, position) => ({ indicator_id: indicator.id, level_id: level, position })),
    ),
    components: province.indicators.flatMap((indicator) =>
      indicator.components.map((component, position) => ({
        indicator_id: indicator.id,
        id: component.id,
        position,
        name: component.name,
        name_en: orNull(component.nameEn),
        max: component.max,
        weight: orNull(component.weight),
        valid_from: orNull(component.validFrom),
        valid_to: orNull(component.validTo),
      })),
    ),
    breaks: province.indicators.flatMap((indicator) =>
      indicator.breaks.map((item) => ({ indicator_id: indicator.id, period: item.period, note: item.note, note_en: orNull(item.noteEn) })),
    ),
    observations: province.observations.map((row) => ({
      indicator_id: row.indicator,
      period: row.period,
      unit_code: row.unit,
      value: row.value,
      rank: orNull(row.rank),
      rank_of: orNull(row.rankOf),
    })),
    observationComponents: province.observations.flatMap((row) =>
      Object.entries(row.components ?? {}).map(([component, value]) => ({
        indicator_id: row.indicator,
        period: row.period,
        unit_code: row.unit,
        component_id: component,
        value,
      })),
    ),
    national: province.national.map((row) => ({
      indicator_id: row.indicator,
      period: row.period,
      province_code: row.province,
      name: row.name,
      name_en: orNull(row.nameEn),
      region: row.region,
      region_en: orNull(row.regionEn),
      value: row.value,
      rank: row.rank,
      rank_of: row.rankOf,
      own: row.own,
    })),
    events: province.events.map((event) => ({
      id: event.id,
      date: event.date,
      kind: event.kind,
      indicator_id: orNull(event.indicator),
      unit_code: orNull(event.unit),
      period: orNull(event.period),
      title: event.title,
      title_en: orNull(event.titleEn),
      note: orNull(event.note),
      note_en: orNull(event.noteEn),
    })),
    boundaries: Object.entries(province.boundaries).flatMap(([level, features]) =>
      features.map((feature) => ({
        level_id: level,
        unit_code: feature.properties.code ?? '',
        name: orNull(feature.properties.name),
        geometry: JSON.stringify(feature.geometry),
      })),
    ),
    meta: {
      province_code: meta.province.code,
      region: orNull(meta.province.region),
      region_en: orNull(meta.province.regionEn),
      timezone: meta.timezone,
      note: orNull(meta.note),
      note_en: orNull(meta.noteEn),
      sample: true,
      data_changed_at: null,
    },
  };
}
