/**
 * The prose of docs/openapi.yaml: what an integrator of a province's data platform needs to know that the
 * shapes alone do not say. Taken from the doc comments in src/contract; keep the two in step.
 * Every key here must name a real component (and property): the document builder throws otherwise.
 */

export const API_DESCRIPTION = `\
The feeds the provincial IOC KPI dashboard reads, and the only shapes it accepts. A province's data
platform implements these endpoints, or an adapter maps its own API onto them. The dashboard validates
every payload at the edge: a payload that does not match is shown as an error of that feed, naming the
field, and the panels keep their last good data.

## Every response

- \`asOf\`: when the source produced or last changed the data, ISO 8601 with an explicit offset. The
  reference API sends Vietnam time, \`+07:00\` (for example \`2026-11-21T09:30:00+07:00\`). The dashboard
  compares it with each indicator's \`cadence\` to flag numbers that are old.
- \`sample\`: \`true\` when the data is synthetic, as in the bundled sample province; the dashboard then
  marks every view as sample data. A real platform sends \`false\`.
- The payload sits under \`data\`, except on \`/boundaries\`, which is a GeoJSON FeatureCollection
  (\`application/geo+json\`) that carries \`asOf\` and \`sample\` as foreign members.

Query parameters are filters: leave one out to get everything. Parameters marked as lists take one value
or several separated by commas (\`period=2023,2024\`). Codes and ids are opaque strings, compared
exactly. Display strings are rendered as text, never as HTML.

## Caching and conditional requests

Every data answer should carry a strong \`ETag\` (it changes whenever the body's bytes do) and
\`Cache-Control: max-age=<seconds>\`, how long the answer stays current: the sample server gives each feed
its cadence in the dashboard's default config (60 s for \`/service-kpis\`, 900 s for \`/observations\` and
\`/units/{code}/series\`, 3600 s for the rest). The dashboard sends the ETag of the copy it holds as
\`If-None-Match\`; when the data has not changed, the answer is \`304 Not Modified\`, without a body, with the
same ETag and Cache-Control. So that an unchanged answer has unchanged bytes, \`asOf\` is when the data last
changed, not the time of the request. A caching proxy may keep an answer for its max-age and revalidate it
with its ETag. Errors are not cached (\`no-cache\` or \`no-store\`, no ETag). A platform without ETags still
works: the dashboard then gets the whole answer every time.

## Errors

Every error is \`application/problem+json\`: RFC 9457 problem details with \`type\` (a URI, or
\`about:blank\`), \`title\`, \`status\` and, optionally, \`detail\` and \`instance\`. On a 5xx or a timeout
the dashboard retries with backoff and keeps showing the last good data, marked as stale.

## Ranks

Ranks are competition ranks, as the national indices are published: tied values share a rank and the
ranks after a tie are skipped (1, 2, 2, 4). On a province row of \`/observations\`, \`rank\` is the national
rank among \`rankOf\` provinces (63 up to 2024, 34 from 2025); on a district or commune row it is the rank
inside the province among \`rankOf\` units of that level.

## Geography and the crosswalk

Units, levels and level names are data. Since 1 July 2025 Vietnam has two tiers (province and commune);
history before that is keyed to districts. Every unit carries the dates it existed, and \`/units\` carries
a crosswalk across boundary changes: a row says that part of unit \`from\` became part of unit \`to\` on
\`effective\`. \`weight\` is the share of \`to\` (by population) that came from \`from\`; the weights into one
\`to\` sum to 1, so a value of \`to\` for a year before the change is the weighted mean of its
predecessors' values. The dashboard marks every value re-mapped this way.

## Sample server only

The sample server (\`npm start\`) also has a fault switch, \`/__mock/faults\`, that breaks and heals feeds
for tests. It is not part of this contract and a real platform does not implement it.
`;

/** One line per component schema, shown under its name. */
export const COMPONENT_DESCRIPTIONS: Record<string, string> = {
  MetaResponse: 'GET /meta: the province, the levels present in the data, the years covered.',
  UnitsResponse: 'GET /units: every unit that existed in the years covered, and the crosswalk across boundary changes.',
  IndicatorsResponse: 'GET /indicators: the indicator catalogue.',
  ObservationsResponse: 'GET /observations and GET /units/{code}/series: values, ranks and component scores.',
  NationalResponse: 'GET /national: every province per indicator and year.',
  ServiceKpisResponse: 'GET /service-kpis: live one-stop-shop figures per unit for the day so far.',
  ServiceClosesResponse:
    'GET /service-kpis/closes: per unit, the close of the last working day before today and the month so far (through yesterday; ' +
    'on the first of a month, the whole month before), with the calendar of this month and the last.',
  ServiceHistoryResponse: "GET /units/{code}/service-history: one unit's daily closes of this month and the last, and its last twelve whole months.",
  EventsResponse: 'GET /events: annotations for charts and timelines.',
  BoundariesResponse: 'GET /boundaries: a GeoJSON FeatureCollection with `asOf` and `sample` as foreign members.',
  Meta: 'The province this platform serves, and what its data covers.',
  Level: 'An administrative level present in the data. Level names come from here, never from code.',
  Unit: 'A province, district or commune, with the dates it existed.',
  CrosswalkRow:
    'One edge of the crosswalk across a boundary change: part of unit `from` became part of unit `to`. ' +
    'The weights into one `to` sum to 1, so a re-mapped value of `to` is the weighted mean of its predecessors\' values.',
  Indicator: 'One index or live KPI: its scale, direction, cadence, components and methodology breaks.',
  Component: 'A component (field, sub-index, dimension) of an index.',
  Scale: 'How values of an indicator read.',
  MethodologyBreak: 'A period from which values are not comparable with earlier ones; trends mark it.',
  ObservationRow:
    'One value of one indicator for one unit and one year. Ranks are competition ranks: tied values share a rank ' +
    'and the next rank is skipped (1, 2, 2, 4).',
  NationalRow: "One province's standing in one national ranking (63 provinces up to 2024, 34 from 2025).",
  ServiceKpiRow: 'Live one-stop-shop figures for one unit for the day so far (Decision 766/QĐ-TTg style).',
  ServiceCounts: 'Applications received, resolved (of which on time or early) in the period, and still pending, and past their deadline, at its end.',
  ServiceRates: 'Service-KPI id from the catalogue → percentage, or null where the period had no applications to measure it by.',
  ServicePeriodRow:
    "One unit's one-stop-shop figures over a closed period. Counts are sums over its days (pending and overdue: at its end); on time is " +
    'resolvedOnTime / resolved, the other rates are weighted by the days\' applications (satisfaction by those resolved).',
  ServicePeriod: 'A closed period: one day (`day`), the month from its first day through yesterday (`month-to-date`), or a whole month (`month`).',
  ServiceDay: 'A day of the province\'s calendar: a working day, or a day off (a weekend, or a public holiday named in `holiday`).',
  EventRow: 'An annotation for charts and timelines: a methodology break, a boundary change, a publication.',
  BoundaryFeature: "A unit's outline. The property that holds the unit code is configurable; this API uses `code`.",
  PolygonGeometry: 'GeoJSON Polygon, WGS 84 longitude/latitude.',
  MultiPolygonGeometry: 'GeoJSON MultiPolygon, WGS 84 longitude/latitude.',
  Problem: 'RFC 9457 problem details, sent with `application/problem+json` on every error.',
  Code: 'An identifier: unit code, level, indicator, component or service-KPI id. Opaque; compared exactly.',
  Text: 'A display string. The dashboard renders it as text, never as HTML.',
  IsoDateTime: 'ISO 8601 date-time with an explicit offset (`Z` or `±hh:mm`); the reference API sends `+07:00` (Asia/Ho_Chi_Minh).',
  IsoDate: 'A calendar date, YYYY-MM-DD.',
  Year: 'An annual period: the year an index measures (not the year it is published).',
};

/** Property descriptions, keyed `Component.property` (nested objects: `Component.property.child`). */
export const PROPERTY_DESCRIPTIONS: Record<string, string> = {
  'Meta.contractVersion': 'Version of this contract the platform implements; the dashboard keys its offline cache by it.',
  'Meta.levels': 'The levels present in the data, province first.',
  'Meta.periods': 'First and last year covered by the annual indices.',
  'Meta.timezone': 'IANA time zone of the province: Asia/Ho_Chi_Minh.',
  'Meta.note': 'Shown next to the sample mark when `sample` is true.',
  'Level.depth': '0 for the province, 1 for the level below it (districts before 1 July 2025, communes after).',
  'Level.validFrom': 'First day the level exists; null when it always has.',
  'Level.validTo': 'Last day the level exists; null while it still does.',
  'Unit.level': 'Level id from `meta.levels`.',
  'Unit.kind': 'Kind as named locally: tỉnh, huyện, thị xã, thành phố, xã, phường, đặc khu... (free text).',
  'Unit.parent': 'Code of the unit one level up; null for the province.',
  'Unit.validFrom': 'First day the unit exists; null when it predates the years covered.',
  'Unit.validTo': 'Last day the unit exists; null while it still does.',
  'CrosswalkRow.weight': 'Share of `to` (by population) that came from `from`.',
  'CrosswalkRow.effective': 'The day the change took effect (2025-07-01 for the 2025 reform).',
  'Indicator.kind': 'Annual indices are published once a year; service KPIs are live one-stop-shop figures.',
  'Indicator.unitIndexName': 'Name of the unit-level counterpart where it differs (DDCI for PCI, internal PAR Index).',
  'Indicator.direction': 'Whether a higher value is better (every published index) or a lower one.',
  'Indicator.components': 'Every component of any period; each says the periods it is valid in.',
  'Indicator.breaks': 'Methodology breaks: periods not comparable with the ones before; trends mark them.',
  'Indicator.cadence': 'ISO 8601 duration between editions: P1Y for annual indices, PT1M for live KPIs.',
  'Indicator.levels': 'Level ids this indicator is measured at.',
  'Indicator.firstPeriod': 'First year the indicator was published.',
  'Component.max': 'Most points (or the top of the sub-index scale) this component can contribute.',
  'Component.weight': 'Share of the total, 0–1, where the method publishes one.',
  'Component.validFrom': 'First period the component exists in (methodologies change).',
  'Component.validTo': 'Last period the component exists in.',
  'Scale.unit': 'How a value reads: points (0–100), percent, or a 0–1 index.',
  'Scale.decimals': 'Decimals the index is published with; ranks compare values rounded to them.',
  'ObservationRow.level': 'Level id from `meta.levels`.',
  'ObservationRow.rank': 'Province row: national rank among `rankOf` provinces. District or commune row: rank inside the province.',
  'ObservationRow.rankOf': 'How many units were ranked.',
  'ObservationRow.components': 'Component id → score, for the components valid in that period.',
  'NationalRow.province': 'Province code, from the statistics office list (01 Hà Nội … 96 Cà Mau after the 2025 reform).',
  'NationalRow.own': 'True for the province this dashboard belongs to.',
  'NationalRow.rank': 'National rank (competition ranking: ties share a rank).',
  'NationalRow.rankOf': 'How many provinces were ranked.',
  'ServiceKpiRow.day': 'The day the counts cover, in Vietnam time.',
  'ServiceKpiRow.at': 'When these figures were taken.',
  'ServiceKpiRow.counts': 'Applications received, resolved (of which on time or early), still pending, and past their deadline.',
  'ServiceKpiRow.rates':
    'Service-KPI id from the catalogue → percentage, or null where it does not apply (no applications yet today, say).',
  'ServiceClosesResponse.data.today': 'The day the API is in, in Vietnam time.',
  'ServiceClosesResponse.data.lastWorkingDay': 'The last working day before today, whose close the `day` rows hold.',
  'ServiceHistoryResponse.data.days': 'Daily closes from the first of last month through yesterday, oldest first.',
  'ServiceHistoryResponse.data.months': 'The last twelve whole months (fewer for a unit that is younger), oldest first.',
  'EventRow.kind': 'What happened: a methodology break, a boundary change, a publication, or a note.',
  'EventRow.indicator': 'The indicator concerned; absent when the event concerns all of them.',
  'EventRow.unit': 'The unit concerned; absent when the event concerns the whole province.',
  'EventRow.period': 'The period concerned, for methodology breaks and publications.',
  'BoundaryFeature.properties': 'Free-form properties; `code` holds the unit code, `name` its name.',
  'BoundariesResponse.features': 'One outline per unit of the level asked for.',
  'Problem.type': 'A URI that identifies the kind of problem, or `about:blank`.',
  'Problem.title': 'A short summary of the kind of problem.',
  'Problem.status': 'The HTTP status code.',
  'Problem.detail': 'What went wrong with this request, for people.',
  'Problem.instance': 'A URI for this occurrence, e.g. the request path.',
};

/** The caching headers and the 304 answer (components.headers, components.responses.NotModified). */
export const CACHING_DESCRIPTIONS = {
  etag: 'A strong validator of this answer: it changes whenever the body does. Send it back as `If-None-Match`.',
  cacheControl:
    '`max-age=<seconds>`: how long the answer stays current (the sample server: the feed\'s cadence, 60 s for ' +
    '/service-kpis, 900 s for /observations and series, 3600 s for the rest). Errors are `no-cache` or `no-store`.',
  ifNoneMatch: 'The ETag of the copy the client holds (a list, or `*`, compared weakly). When it still names the answer, the answer is a 304.',
  notModified: 'The copy named by `If-None-Match` is current: no body, with its ETag and Cache-Control.',
} as const;

/** Descriptions of the envelope fields, added to every response component that has them. */
export const ENVELOPE_DESCRIPTIONS: Record<string, string> = {
  asOf: 'When the source produced or last changed this data (ISO 8601, +07:00).',
  sample: 'True when the data is synthetic; the dashboard then marks every view as sample data.',
};
