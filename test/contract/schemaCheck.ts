/**
 * A small checker for the JSON Schema subset that docs/openapi.yaml uses (type, const, enum, properties,
 * required, additionalProperties, propertyNames, items, anyOf, oneOf, bounds, lengths, pattern, $ref into
 * components.schemas). Enough to show that an example the valibot schema accepts also meets the document.
 */
import type { JsonSchema } from '@valibot/to-json-schema';

export type SchemaLookup = (ref: string) => JsonSchema | undefined;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function asSchema(definition: unknown): JsonSchema | undefined {
  return typeof definition === 'object' && definition !== null && !Array.isArray(definition) ? (definition as JsonSchema) : undefined;
}

/** Every way `value` breaks `schema`, as `path: problem` lines; empty when it conforms. */
export function schemaProblems(value: unknown, schema: JsonSchema, lookup: SchemaLookup, path = '$'): string[] {
  if (schema.$ref !== undefined) {
    const target = lookup(schema.$ref);
    if (!target) return [`${path}: unresolved $ref ${schema.$ref}`];
    return schemaProblems(value, target, lookup, path);
  }
  const problems: string[] = [];
  const add = (message: string) => problems.push(`${path}: ${message}`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => matchesType(value, type))) return [`${path}: expected ${types.join(' or ')}, got ${typeOf(value)}`];
  }
  if (schema.const !== undefined && value !== schema.const) add(`expected ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value as never)) add(`expected one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) add(`below minimum ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) add(`above maximum ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) add(`shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) add(`longer than ${schema.maxLength}`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) add(`does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) add(`fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) add(`more than ${schema.maxItems} items`);
    const items = asSchema(schema.items);
    if (items) value.forEach((item, index) => problems.push(...schemaProblems(item, items, lookup, `${path}[${index}]`)));
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) add(`missing required property ${key}`);
    const properties = schema.properties ?? {};
    const rest = asSchema(schema.additionalProperties);
    const names = asSchema(schema.propertyNames);
    for (const [key, item] of Object.entries(record)) {
      const own = asSchema(properties[key]);
      if (own) problems.push(...schemaProblems(item, own, lookup, `${path}.${key}`));
      else if (schema.additionalProperties === false) add(`unexpected property ${key}`);
      else if (rest) problems.push(...schemaProblems(item, rest, lookup, `${path}.${key}`));
      if (names) problems.push(...schemaProblems(key, names, lookup, `${path}{${key}}`));
    }
  }
  const alternatives = (schema.anyOf ?? schema.oneOf ?? []).map(asSchema).filter((item) => item !== undefined);
  if (alternatives.length) {
    const passing = alternatives.filter((alternative) => schemaProblems(value, alternative, lookup, path).length === 0).length;
    if (passing === 0) add(`matches none of the ${alternatives.length} alternatives`);
    else if (schema.oneOf && passing > 1) add(`matches ${passing} alternatives of a oneOf`);
  }
  return problems;
}
