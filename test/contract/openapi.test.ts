import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonSchema } from '@valibot/to-json-schema';
import * as contract from '../../src/contract';
import { API_PREFIX, FEED_IDS, ROUTES } from '../../src/contract/routes';
import {
  CACHING_HEADERS,
  HEADER_REF_PREFIX,
  NOT_MODIFIED,
  PROBLEM_MEDIA_TYPE,
  SCHEMA_REF_PREFIX,
  buildOpenApiDocument,
  operationIdOf,
  responseComponentOf,
  toOpenApiYaml,
  type OpenApiDocument,
  type OpenApiResponse,
} from './openapi';
import { PROBLEM_EXAMPLES } from './openapiExamples';
import { schemaProblems } from './schemaCheck';

const YAML_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/openapi.yaml');
const OUT_OF_STEP =
  'docs/openapi.yaml is out of step with the schemas in src/contract. Run `npm run openapi` to regenerate it, ' +
  'then review and commit the diff.';

const built: OpenApiDocument = buildOpenApiDocument();
const schemas = built.components.schemas;
const lookup = (ref: string): JsonSchema | undefined =>
  ref.startsWith(SCHEMA_REF_PREFIX) ? schemas[ref.slice(SCHEMA_REF_PREFIX.length)] : undefined;

function component(name: string): JsonSchema {
  const schema = schemas[name];
  if (!schema) throw new Error(`components.schemas has no ${name}`);
  return schema;
}

function property(componentName: string, key: string): JsonSchema {
  const schema = component(componentName).properties?.[key];
  if (typeof schema !== 'object') throw new Error(`${componentName} has no property ${key}`);
  return schema;
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refsIn(item, found);
    }
  }
  return found;
}

function operation(path: string) {
  const item = built.paths[path];
  if (!item) throw new Error(`no path ${path}`);
  return item.get;
}

beforeAll(() => {
  if (process.env.UPDATE_OPENAPI === '1') {
    mkdirSync(dirname(YAML_PATH), { recursive: true });
    writeFileSync(YAML_PATH, toOpenApiYaml(built));
  }
});

describe('docs/openapi.yaml', () => {
  it('is the document built from ROUTES and the schemas in src/contract', () => {
    expect(existsSync(YAML_PATH), `docs/openapi.yaml is missing. ${OUT_OF_STEP}`).toBe(true);
    const onDisk: unknown = parse(readFileSync(YAML_PATH, 'utf8'));
    expect(onDisk, OUT_OF_STEP).toEqual(built);
  });

  it('round-trips through YAML without loss', () => {
    expect(parse(toOpenApiYaml(built))).toEqual(built);
  });
});

describe('the OpenAPI document of contract v1', () => {
  it('is OpenAPI 3.1 for the contract version, served under /api/v1', () => {
    expect(built.openapi).toBe('3.1.0');
    expect(built.info.title).toBe('IOC KPI dashboard feed API');
    expect(built.info.version).toBe(contract.CONTRACT_VERSION);
    expect(built.servers).toEqual([expect.objectContaining({ url: API_PREFIX })]);
  });

  it('explains the envelope, problem details, tied ranks, crosswalk weights and the sample-only fault switch', () => {
    const text = built.info.description;
    for (const phrase of ['asOf', '+07:00', 'sample', 'application/problem+json', 'RFC 9457', '1, 2, 2, 4', 'weight', 'sum to 1', 'Sample server only']) {
      expect(text).toContain(phrase);
    }
  });

  it('has one path per route of ROUTES and no other', () => {
    expect(Object.keys(built.paths).sort()).toEqual(ROUTES.map((route) => route.path).sort());
    expect(ROUTES.map((route) => route.feed).sort()).toEqual([...FEED_IDS].sort());
  });

  it('names each operation after its feed id, camelCased', () => {
    for (const route of ROUTES) expect(operation(route.path).operationId).toBe(operationIdOf(route.feed));
    expect(operationIdOf('service-kpis')).toBe('serviceKpis');
  });

  it('lists every path and query parameter a route takes, lists as strings and integers as integers', () => {
    for (const route of ROUTES) {
      const expected = [
        ...(route.pathParams ?? []).map((param) => ({ name: param.name, in: 'path', required: true, type: param.type === 'integer' ? 'integer' : 'string' })),
        ...route.query.map((param) => ({ name: param.name, in: 'query', required: param.required === true, type: param.type === 'integer' ? 'integer' : 'string' })),
      ];
      const actual = (operation(route.path).parameters ?? [])
        .filter((param) => param.in !== 'header')
        .map((param) => ({ name: param.name, in: param.in, required: param.required, type: param.schema.type }));
      expect(actual, route.path).toEqual(expected);
    }
  });

  it("answers 200 with the route's media type and named schema, and errors as problem details", () => {
    for (const route of ROUTES) {
      const responses = operation(route.path).responses;
      const ok = responses['200'] as OpenApiResponse;
      expect(Object.keys(ok.content ?? {}), route.path).toEqual([route.mediaType]);
      expect(ok.content?.[route.mediaType]?.schema.$ref).toBe(SCHEMA_REF_PREFIX + responseComponentOf(route));
      const errors = Object.entries(responses).filter(([status]) => status !== '200' && status !== '304');
      expect(errors.map(([status]) => status), route.path).toContain('5XX');
      for (const [, reference] of errors) {
        const name = ('$ref' in reference ? reference.$ref : '').replace('#/components/responses/', '');
        const problem = built.components.responses[name];
        expect(problem?.content?.[PROBLEM_MEDIA_TYPE]?.schema.$ref, `${route.path} ${name}`).toBe(`${SCHEMA_REF_PREFIX}Problem`);
      }
    }
    expect(Object.keys(operation('/units/{code}/series').responses)).toEqual(['200', '304', '400', '404', '5XX']);
  });

  it('makes every answer conditional: ETag and Cache-Control on 200, If-None-Match taken, 304 without a body', () => {
    const headerRefs = Object.fromEntries(CACHING_HEADERS.map((name) => [name, { $ref: HEADER_REF_PREFIX + name }]));
    for (const route of ROUTES) {
      const op = operation(route.path);
      expect((op.responses['200'] as OpenApiResponse).headers, route.path).toEqual(headerRefs);
      expect(op.responses['304'], route.path).toEqual({ $ref: `#/components/responses/${NOT_MODIFIED}` });
      expect(op.parameters?.filter((param) => param.in === 'header').map((param) => [param.name, param.required]), route.path).toEqual([['If-None-Match', false]]);
    }
    const notModified = built.components.responses[NOT_MODIFIED];
    expect(notModified?.content).toBeUndefined();
    expect(notModified?.headers).toEqual(headerRefs);
    expect(Object.keys(built.components.headers)).toEqual([...CACHING_HEADERS]);
    for (const header of Object.values(built.components.headers)) expect(header).toMatchObject({ required: true, schema: { type: 'string' } });
    for (const phrase of ['ETag', 'If-None-Match', '304 Not Modified', 'max-age', 'when the data last']) expect(built.info.description.replace(/\s+/g, ' ')).toContain(phrase);
  });

  it('references every component schema it defines, and every reference resolves', () => {
    const refs = refsIn(built);
    for (const ref of refs) {
      const [section = '', name = ''] = ref.replace('#/components/', '').split('/');
      const target =
        section === 'schemas' ? schemas[name] : section === 'responses' ? built.components.responses[name] : section === 'headers' ? built.components.headers[name] : undefined;
      expect(target, `unresolved ${ref}`).toBeDefined();
    }
    for (const name of Object.keys(schemas)) {
      const usedElsewhere = refsIn({ ...built, components: { ...built.components, schemas: { ...schemas, [name]: {} } } });
      expect(usedElsewhere, `components.schemas.${name} is never referenced`).toContain(SCHEMA_REF_PREFIX + name);
    }
  });

  it('uses JSON Schema 2020-12 as OpenAPI 3.1 does: no $schema, no $defs, no OpenAPI 3.0 nullable', () => {
    const text = JSON.stringify(schemas);
    expect(text).not.toContain('"$schema"');
    expect(text).not.toContain('$defs');
    expect(text).not.toContain('"nullable"');
  });

  it('keeps the rules of the schemas: patterns, bounds, integers and nulls', () => {
    expect(component('IsoDateTime').pattern).toBe(contract.IsoDateTime.pipe[1].requirement.source);
    expect(component('IsoDate').pattern).toBe(contract.IsoDate.pipe[1].requirement.source);
    expect(property('Indicator', 'cadence').pattern).toMatch(/^\^P/);
    expect(component('Year')).toMatchObject({ type: 'integer', minimum: 1990, maximum: 2100 });
    expect(component('Code')).toMatchObject({ type: 'string', minLength: 1, maxLength: 64 });
    expect(property('Problem', 'status')).toMatchObject({ type: 'integer', minimum: 400, maximum: 599 });
    expect(property('CrosswalkRow', 'weight')).toMatchObject({ type: 'number', minimum: 0, maximum: 1 });
    expect(property('Unit', 'parent').anyOf).toEqual([{ $ref: `${SCHEMA_REF_PREFIX}Code` }, { type: 'null' }]);
    expect(component('Unit').required).toEqual(['code', 'name', 'level', 'parent', 'validFrom', 'validTo']);
    expect(property('ServiceKpiRow', 'rates').$ref).toBe(`${SCHEMA_REF_PREFIX}ServiceRates`);
    expect(property('ServicePeriodRow', 'rates').$ref).toBe(`${SCHEMA_REF_PREFIX}ServiceRates`);
    const rates = component('ServiceRates').additionalProperties as JsonSchema;
    expect(rates.anyOf).toEqual([{ type: 'number', minimum: 0, maximum: 100 }, { type: 'null' }]);
  });

  it('shows for every feed an example that the schema accepts and the document describes', () => {
    for (const route of ROUTES) {
      const content = (operation(route.path).responses['200'] as OpenApiResponse).content?.[route.mediaType];
      const result = v.safeParse(route.response, content?.example);
      expect(result.issues?.map((issue) => `${v.getDotPath(issue) ?? ''}: ${issue.message}`), route.path).toBeUndefined();
      expect(schemaProblems(content?.example, content?.schema ?? {}, lookup), route.path).toEqual([]);
    }
    for (const [name, example] of Object.entries(PROBLEM_EXAMPLES)) {
      expect(v.is(contract.Problem, example), name).toBe(true);
      expect(schemaProblems(example, component('Problem'), lookup), name).toEqual([]);
    }
  });
});

describe('a payload checked against both the valibot schema and the document', () => {
  const asOf = '2026-11-21T09:30:00+07:00';
  const meta = {
    asOf,
    sample: true,
    data: {
      contractVersion: contract.CONTRACT_VERSION,
      province: { code: '00', name: 'Tỉnh Mẫu' },
      levels: [{ id: 'province', name: 'Tỉnh', depth: 0, validFrom: null, validTo: null }],
      periods: { first: 2016, last: 2025 },
      timezone: 'Asia/Ho_Chi_Minh',
    },
  };
  const observations = {
    asOf,
    sample: false,
    data: { rows: [{ indicator: 'pci', unit: '00', level: 'province', period: 2024, value: 68.9, rank: 3, rankOf: 63, components: { entry: 7.1 } }] },
  };
  const problem = { type: 'about:blank', title: 'Not Found', status: 404 };

  it.each([
    ['meta', contract.MetaResponse, 'MetaResponse', meta],
    ['observations', contract.ObservationsResponse, 'ObservationsResponse', observations],
    ['problem', contract.Problem, 'Problem', problem],
  ] as const)('accepts a valid %s payload in both', (_name, schema, componentName, payload) => {
    expect(v.is(schema, payload)).toBe(true);
    expect(schemaProblems(payload, component(componentName), lookup)).toEqual([]);
  });

  it('rejects in both a payload without a required field or with a wrong type', () => {
    const { asOf: _dropped, ...withoutAsOf } = meta;
    expect(v.is(contract.MetaResponse, withoutAsOf)).toBe(false);
    expect(schemaProblems(withoutAsOf, component('MetaResponse'), lookup)).toEqual(['$: missing required property asOf']);

    const fractionalRank = { ...observations, data: { rows: [{ ...observations.data.rows[0], rank: 2.5 }] } };
    expect(v.is(contract.ObservationsResponse, fractionalRank)).toBe(false);
    expect(schemaProblems(fractionalRank, component('ObservationsResponse'), lookup)).toEqual(['$.data.rows[0].rank: expected integer, got number']);

    const statusTooHigh = { ...problem, status: 600 };
    expect(v.is(contract.Problem, statusTooHigh)).toBe(false);
    expect(schemaProblems(statusTooHigh, component('Problem'), lookup)).toEqual(['$.status: above maximum 599']);

    const localTime = { ...meta, asOf: '2026-11-21T09:30:00' };
    expect(v.is(contract.MetaResponse, localTime)).toBe(false);
    expect(schemaProblems(localTime, component('MetaResponse'), lookup)).toHaveLength(1);
  });
});
