import type { ColumnType, Generated } from 'kysely';

/**
 * The hub's tables as Kysely sees them (see migrations/0001_init.ts for keys, checks and indexes).
 * Calendar dates are PostgreSQL `date`s: written as 'YYYY-MM-DD' and always read back cast to text, because
 * the drivers would otherwise turn them into JavaScript Dates at local midnight.
 */
type CalendarDate = ColumnType<Date | null, string | null, string | null>;

/** One row: the dataset as a whole (which province, its time zone, whether it is a sample). */
export interface HubMetaTable {
  /** Always true: the table holds one row. */
  id: ColumnType<boolean, boolean | undefined, never>;
  province_code: string;
  region: string | null;
  region_en: string | null;
  timezone: string;
  note: string | null;
  note_en: string | null;
  sample: boolean;
  /**
   * When the data last changed, the answers' asOf. Null for the seeded sample, which follows the sample
   * API's convention instead: loaded every day at midnight Vietnam time.
   */
  data_changed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface LevelsTable {
  id: string;
  /** Order in meta.levels (and of units in /units). */
  position: number;
  name: string;
  name_en: string | null;
  depth: number;
  valid_from: CalendarDate;
  valid_to: CalendarDate;
}

export interface UnitsTable {
  code: string;
  name: string;
  name_en: string | null;
  level_id: string;
  kind: string | null;
  parent_code: string | null;
  valid_from: CalendarDate;
  valid_to: CalendarDate;
}

export interface CrosswalkTable {
  from_code: string;
  to_code: string;
  effective: ColumnType<Date, string, string>;
  weight: number;
}

export interface IndicatorsTable {
  id: string;
  /** Order in the catalogue. */
  position: number;
  kind: 'annual-index' | 'service-kpi';
  name: string;
  name_en: string | null;
  short_name: string;
  short_name_en: string | null;
  publisher: string | null;
  publisher_en: string | null;
  unit_index_name: string | null;
  unit_index_name_en: string | null;
  scale_min: number;
  scale_max: number;
  scale_unit: 'points' | 'percent' | 'ratio';
  scale_decimals: number;
  direction: 'higher-is-better' | 'lower-is-better';
  cadence: string;
  first_period: number | null;
}

export interface IndicatorLevelsTable {
  indicator_id: string;
  level_id: string;
  position: number;
}

export interface ComponentsTable {
  indicator_id: string;
  id: string;
  position: number;
  name: string;
  name_en: string | null;
  max: number;
  weight: number | null;
  valid_from: number | null;
  valid_to: number | null;
}

export interface MethodologyBreaksTable {
  indicator_id: string;
  period: number;
  note: string;
  note_en: string | null;
}

export interface ObservationsTable {
  indicator_id: string;
  period: number;
  unit_code: string;
  value: number;
  rank: number | null;
  rank_of: number | null;
}

export interface ObservationComponentsTable {
  indicator_id: string;
  period: number;
  unit_code: string;
  component_id: string;
  value: number;
}

export interface NationalStandingsTable {
  indicator_id: string;
  period: number;
  province_code: string;
  name: string;
  name_en: string | null;
  region: string;
  region_en: string | null;
  value: number;
  rank: number;
  rank_of: number;
  own: boolean;
}

export interface EventsTable {
  id: string;
  date: ColumnType<Date, string, string>;
  kind: 'methodology-break' | 'boundary-change' | 'publication' | 'note';
  indicator_id: string | null;
  unit_code: string | null;
  period: number | null;
  title: string;
  title_en: string | null;
  note: string | null;
  note_en: string | null;
}

/** A GeoJSON geometry as stored (jsonb): read back as parsed JSON, written as a JSON string. */
export type GeometryColumn = ColumnType<{ type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }, string, string>;

export interface BoundariesTable {
  level_id: string;
  unit_code: string;
  name: string | null;
  geometry: GeometryColumn;
}

/** A day of the province's calendar (days not in the table follow the default rule: Monday to Friday work). */
/** A `date` column compared with ISO dates ('2026-03-10') in queries; read it cast to text (the drivers make it a Date). */
type DayColumn = ColumnType<Date | string, string, string>;

export interface ServiceCalendarTable {
  day: DayColumn;
  working: boolean;
  holiday: string | null;
}

/** One unit's one-stop-shop figures at an instant, for its calendar day so far: a snapshot, or a day's close. */
export interface ServiceFiguresTable {
  unit_code: string;
  day: DayColumn;
  at: ColumnType<Date, Date | string, Date | string>;
  received: number;
  resolved: number;
  resolved_on_time: number;
  pending: number;
  overdue: number;
  /** Service-KPI id → percentage or null, as jsonb: read back parsed, written as a JSON string. */
  rates: ColumnType<Record<string, number | null>, string, string>;
  source: string;
  stored_at: ColumnType<Date, Date | string | undefined, never>;
}

/** A system that pushes live figures, with the hash of its bearer token. */
export interface SourcesTable {
  id: string;
  name: string;
  token_hash: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type AuditOutcome = 'done' | 'refused' | 'undone';

/** One write, or one refused batch: who, what, when. */
export interface AuditLogTable {
  id: Generated<string>;
  at: ColumnType<Date, Date | string | undefined, never>;
  actor: string;
  action: string;
  outcome: AuditOutcome;
  /** Read back parsed; written as a JSON string. */
  detail: ColumnType<Record<string, unknown>, string, string>;
}

/** What one import covered: the rows of an indicator, year and level, which it replaced as a whole. */
export interface ImportScope {
  indicator: string;
  period: number;
  level: string;
}

/** What an import changed, row by row (a row: one indicator, year and unit). */
export interface ImportCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** An import that changed something, and whether it was undone. */
export interface ImportsTable {
  id: Generated<string>;
  at: ColumnType<Date, Date | string, never>;
  actor: string;
  kind: 'results';
  file_name: string;
  file_sha256: string;
  /** Read back parsed; written as a JSON string. */
  scope: ColumnType<ImportScope[], string, never>;
  counts: ColumnType<ImportCounts, string, never>;
  undone_at: ColumnType<Date | null, never, Date | string>;
  undone_by: ColumnType<string | null, never, string>;
}

/** A row as it was before an import replaced it (its component scores with it), to put back on undo. */
export interface ImportReplacedTable extends ObservationsTable {
  import_id: string;
  /** Component id → score; read back parsed, written as a JSON string. */
  components: ColumnType<Record<string, number> | null, string | null, never>;
}

export interface Database {
  hub_meta: HubMetaTable;
  levels: LevelsTable;
  units: UnitsTable;
  crosswalk: CrosswalkTable;
  indicators: IndicatorsTable;
  indicator_levels: IndicatorLevelsTable;
  components: ComponentsTable;
  methodology_breaks: MethodologyBreaksTable;
  observations: ObservationsTable;
  observation_components: ObservationComponentsTable;
  national_standings: NationalStandingsTable;
  events: EventsTable;
  boundaries: BoundariesTable;
  service_calendar: ServiceCalendarTable;
  /** Every snapshot a source sent. */
  service_snapshots: ServiceFiguresTable;
  /** Each unit's latest snapshot of each day: today's figures so far, and the close of every day before. */
  service_day_closes: ServiceFiguresTable;
  sources: SourcesTable;
  audit_log: AuditLogTable;
  imports: ImportsTable;
  import_replaced: ImportReplacedTable;
}
