/**
 * Builds the OpenAPI 3.1 document of contract v1 from ROUTES and the valibot schemas in src/contract.
 * docs/openapi.yaml is this document written out (`npm run openapi`); openapi.test.ts fails when they differ.
 */
import type { GenericSchema } from 'valibot';
import { toJsonSchemaDefs, type JsonSchema } from '@valibot/to-json-schema';
import { Document } from 'yaml';
import * as contract from '../../src/contract';
import { API_PREFIX, ROUTES, type QueryParam, type Route } from '../../src/contract/routes';
import { API_DESCRIPTION, CACHING_DESCRIPTIONS, COMPONENT_DESCRIPTIONS, ENVELOPE_DESCRIPTIONS, PROPERTY_DESCRIPTIONS } from './openapiDescriptions';
import { FEED_EXAMPLES, PROBLEM_EXAMPLES } from './openapiExamples';

export const OPENAPI_TITLE = 'IOC KPI dashboard feed API';
export const SCHEMA_REF_PREFIX = '#/components/schemas/';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * The schemas that get a name under components.schemas, in the order they are listed. Everything else
 * (the `*Data` wrappers, FiniteNumber, local helpers) is written inline where it is used. A route's
 * response schema must be one of these.
 */
export const COMPONENTS: Record<string, GenericSchema> = {
  MetaResponse: contract.MetaResponse,
  UnitsResponse: contract.UnitsResponse,
  IndicatorsResponse: contract.IndicatorsResponse,
  ObservationsResponse: contract.ObservationsResponse,
  NationalResponse: contract.NationalResponse,
  ServiceKpisResponse: contract.ServiceKpisResponse,
  ServiceClosesResponse: contract.ServiceClosesResponse,
  ServiceHistoryResponse: contract.ServiceHistoryResponse,
  EventsResponse: contract.EventsResponse,
  BoundariesResponse: contract.BoundariesResponse,
  Meta: contract.Meta,
  Level: contract.Level,
  Unit: contract.Unit,
  CrosswalkRow: contract.CrosswalkRow,
  Indicator: contract.Indicator,
  Component: contract.Component,
  Scale: contract.Scale,
  MethodologyBreak: contract.MethodologyBreak,
  ObservationRow: contract.ObservationRow,
  NationalRow: contract.NationalRow,
  ServiceKpiRow: contract.ServiceKpiRow,
  ServiceCounts: contract.ServiceCounts,
  ServiceRates: contract.ServiceRates,
  ServicePeriodRow: contract.ServicePeriodRow,
  ServicePeriod: contract.ServicePeriod,
  ServiceDay: contract.ServiceDay,
  EventRow: contract.EventRow,
  BoundaryFeature: contract.BoundaryFeature,
  PolygonGeometry: contract.PolygonGeometry,
  MultiPolygonGeometry: contract.MultiPolygonGeometry,
  Problem: contract.Problem,
  Code: contract.Code,
  Text: contract.Text,
  IsoDate: contract.IsoDate,
  IsoDateTime: contract.IsoDateTime,
  Year: contract.Year,
};

/** Error responses under components.responses: every one is problem details. */
const ERROR_RESPONSES = {
  BadRequest: 'A parameter is missing or malformed (a period that is not a year, no `level` on /boundaries).',
  NotFound: 'No such unit.',
  ServerError:
    'The platform or a source behind it failed or timed out. The dashboard retries with backoff and keeps showing the last good data, marked as stale.',
} as const;
type ErrorResponseName = keyof typeof ERROR_RESPONSES;

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header';
  description: string;
  required: boolean;
  schema: JsonSchema;
}

export interface OpenApiMediaType {
  schema: JsonSchema;
  example?: unknown;
}

export interface OpenApiHeader {
  description: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { $ref: string }>;
  /** Absent on a response without a body (304). */
  content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  parameters?: OpenApiParameter[];
  responses: Record<string, OpenApiResponse | { $ref: string }>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: { url: string; description: string }[];
  paths: Record<string, { get: OpenApiOperation }>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, OpenApiResponse>; headers: Record<string, OpenApiHeader> };
}

/** The caching headers of every data answer and of its 304, under components.headers. */
export const CACHING_HEADERS = ['ETag', 'Cache-Control'] as const;
export const HEADER_REF_PREFIX = '#/components/headers/';
const cachingHeaderRefs = (): Record<string, { $ref: string }> => Object.fromEntries(CACHING_HEADERS.map((name) => [name, { $ref: HEADER_REF_PREFIX + name }]));

/** The request's validator: every operation takes it. */
const IF_NONE_MATCH: OpenApiParameter = {
  name: 'If-None-Match',
  in: 'header',
  description: CACHING_DESCRIPTIONS.ifNoneMatch,
  required: false,
  schema: { type: 'string' },
};

/** `service-kpis` → `serviceKpis`. */
export function operationIdOf(feed: string): string {
  return feed.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The component name of a route's success payload; throws when the schema has no name in COMPONENTS. */
export function responseComponentOf(route: Route): string {
  const name = Object.keys(COMPONENTS).find((key) => COMPONENTS[key] === route.response);
  if (!name) throw new Error(`The response schema of ${route.path} is not listed in COMPONENTS (test/contract/openapi.ts).`);
  return name;
}

function parameter(param: QueryParam, location: 'query' | 'path'): OpenApiParameter {
  return {
    name: param.name,
    in: location,
    description: param.type === 'csv' ? `${param.description} One or more, comma-separated.` : param.description,
    required: location === 'path' || param.required === true,
    schema: { type: param.type === 'integer' ? 'integer' : 'string' },
  };
}

function errorResponsesOf(route: Route): Record<string, { $ref: string }> {
  const ref = (name: ErrorResponseName) => ({ $ref: `#/components/responses/${name}` });
  const hasParams = route.query.length > 0 || (route.pathParams?.length ?? 0) > 0;
  return {
    ...(hasParams ? { '400': ref('BadRequest') } : {}),
    ...(route.pathParams?.length ? { '404': ref('NotFound') } : {}),
    '5XX': ref('ServerError'),
  };
}

function operationOf(route: Route): OpenApiOperation {
  const parameters = [
    ...(route.pathParams ?? []).map((param) => parameter(param, 'path')),
    ...route.query.map((param) => parameter(param, 'query')),
    IF_NONE_MATCH,
  ];
  const success =
    route.mediaType === 'application/geo+json'
      ? 'A GeoJSON FeatureCollection with `asOf` and `sample` as foreign members.'
      : 'The data under `data`, with `asOf` and `sample`.';
  return {
    operationId: operationIdOf(route.feed),
    summary: route.summary,
    ...(parameters.length ? { parameters } : {}),
    responses: {
      '200': {
        description: success,
        headers: cachingHeaderRefs(),
        content: { [route.mediaType]: { schema: { $ref: SCHEMA_REF_PREFIX + responseComponentOf(route) }, example: FEED_EXAMPLES[route.feed] } },
      },
      '304': { $ref: `#/components/responses/${NOT_MODIFIED}` },
      ...errorResponsesOf(route),
    },
  };
}

/** Removes what JSON Schema allows but only adds noise: empty `required` lists. */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'required' && Array.isArray(item) && item.length === 0) continue;
    out[key] = tidy(item);
  }
  return out;
}

function describeProperty(schemas: Record<string, JsonSchema>, path: string, description: string): void {
  const [component, ...keys] = path.split('.');
  let target: JsonSchema | undefined = component === undefined ? undefined : schemas[component];
  for (const key of keys) {
    const next: unknown = target?.properties?.[key];
    target = typeof next === 'object' && next !== null ? (next as JsonSchema) : undefined;
  }
  if (!target || keys.length === 0) throw new Error(`Property description "${path}": no such property in components.schemas.`);
  target.description = description;
}

/** components.schemas: the valibot schemas as JSON Schema 2020-12, with descriptions, refs into components. */
export function buildComponentSchemas(): Record<string, JsonSchema> {
  const converted = toJsonSchemaDefs(COMPONENTS, {
    target: 'draft-2020-12',
    // `finite` has no JSON Schema keyword: JSON has no NaN or Infinity anyway. Anything else unconvertible throws.
    ignoreActions: ['finite'],
    errorMode: 'throw',
    overrideRef: ({ referenceId }) => SCHEMA_REF_PREFIX + referenceId,
  });
  const schemas: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(converted)) {
    const description = COMPONENT_DESCRIPTIONS[name];
    if (!description) throw new Error(`Component ${name} has no entry in COMPONENT_DESCRIPTIONS (test/contract/openapiDescriptions.ts).`);
    schemas[name] = { description, ...(tidy(schema) as JsonSchema) };
  }
  for (const name of Object.keys(COMPONENT_DESCRIPTIONS)) {
    if (!(name in schemas)) throw new Error(`COMPONENT_DESCRIPTIONS names ${name}, which is not in COMPONENTS.`);
  }
  for (const [path, description] of Object.entries(PROPERTY_DESCRIPTIONS)) describeProperty(schemas, path, description);
  for (const [name, schema] of Object.entries(schemas)) {
    for (const [field, description] of Object.entries(ENVELOPE_DESCRIPTIONS)) {
      if (name.endsWith('Response') && schema.properties?.[field]) describeProperty(schemas, `${name}.${field}`, description);
    }
  }
  return schemas;
}

/** The name of the 304 answer under components.responses. */
export const NOT_MODIFIED = 'NotModified';

function buildResponses(): Record<string, OpenApiResponse> {
  return { [NOT_MODIFIED]: { description: CACHING_DESCRIPTIONS.notModified, headers: cachingHeaderRefs() }, ...buildErrorResponses() };
}

function buildHeaders(): Record<string, OpenApiHeader> {
  return {
    ETag: { description: CACHING_DESCRIPTIONS.etag, required: true, schema: { type: 'string' } },
    'Cache-Control': { description: CACHING_DESCRIPTIONS.cacheControl, required: true, schema: { type: 'string' } },
  };
}

function buildErrorResponses(): Record<ErrorResponseName, OpenApiResponse> {
  const entries = (Object.keys(ERROR_RESPONSES) as ErrorResponseName[]).map((name) => [
    name,
    { description: ERROR_RESPONSES[name], content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: `${SCHEMA_REF_PREFIX}Problem` }, example: PROBLEM_EXAMPLES[name] } } },
  ]);
  return Object.fromEntries(entries) as Record<ErrorResponseName, OpenApiResponse>;
}

/** The whole document, as plain JSON data (no undefined values), keys in a stable order. */
export function buildOpenApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of ROUTES) paths[route.path] = { get: operationOf(route) };
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: OPENAPI_TITLE,
      version: contract.CONTRACT_VERSION,
      description: API_DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: API_PREFIX, description: 'Contract v1, relative to the platform (the sample server serves it next to the dashboard).' }],
    paths,
    components: { schemas: buildComponentSchemas(), responses: buildResponses(), headers: buildHeaders() },
  };
  return JSON.parse(JSON.stringify(document)) as OpenApiDocument;
}

/**
 * The document as docs/openapi.yaml holds it: block style, keys in build order, no anchors. Scalars are
 * quoted as YAML 1.1 needs, so tools with 1.1 parsers read dates such as 2025-07-01 as strings too.
 */
export function toOpenApiYaml(document: OpenApiDocument): string {
  const yaml = new Document(document, { aliasDuplicateObjects: false, version: '1.1' });
  yaml.commentBefore =
    ' Generated from src/contract by `npm run openapi` (test/contract/openapi.ts). Do not edit by hand:\n' +
    ' test/contract/openapi.test.ts fails when this file and the schemas disagree.';
  return yaml.toString({ lineWidth: 0 });
}
