import fc from 'fast-check';

/** The subset of JSON Schema (OpenAPI 3.0) the committed document uses. */
export interface Schema {
  $ref?: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  maxProperties?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

export type Components = Record<string, Schema>;

/** Short values: the server's answers are checked, not its capacity. */
const LONGEST_STRING = 40;
const MOST_ITEMS = 3;

/**
 * Values a schema accepts, as far as a generator can tell from the schema alone (rules between fields and what the
 * server knows — an existing path, a free name — are the server's to refuse, with a status the document lists).
 */
export function valueOf(schema: Schema, components: Components, depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, components);
  const value = plainValueOf(resolved, components, depth);
  return resolved.nullable ? fc.oneof(value, fc.constant(null)) : value;
}

function plainValueOf(schema: Schema, components: Components, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  // A body's rules between fields (oneOf, anyOf, allOf of `required` and `not`) are the server's to check.
  if (schema.type === 'object' || schema.properties) return objectOf(schema, components, depth);
  if (schema.oneOf ?? schema.anyOf)
    return fc.oneof(...(schema.oneOf ?? schema.anyOf ?? []).map((member) => valueOf(member, components, depth)));
  if (schema.allOf) return valueOf(Object.assign({}, ...schema.allOf.map((member) => resolve(member, components))), components, depth);
  switch (schema.type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 100_000, Number.MAX_SAFE_INTEGER) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? valueOf(schema.items, components, depth + 1) : fc.string(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? MOST_ITEMS, MOST_ITEMS)),
      });
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  }
}

function stringOf(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? LONGEST_STRING, LONGEST_STRING));
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const fits = (text: string) => pattern.test(text) && text.length >= minLength && text.length <= (schema.maxLength ?? Infinity);
    try {
      return fc.stringMatching(pattern).filter(fits);
    } catch {
      // fast-check cannot build from every expression (lookaheads): random text, kept when it fits.
      return fc.string({ minLength, maxLength }).filter(fits);
    }
  }
  return fc.string({ minLength, maxLength });
}

function objectOf(schema: Schema, components: Components, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  if (depth > 4 || Object.keys(properties).length === 0) {
    const values =
      typeof schema.additionalProperties === 'object' ? valueOf(schema.additionalProperties, components, depth + 1) : fc.string();
    return fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/), values, { maxKeys: Math.min(schema.maxProperties ?? 3, 3) });
  }
  const record = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, valueOf(property, components, depth + 1)]));
  return fc.record(record, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
}

/**
 * A value the schema refuses, and why: a property of the wrong type, a field the schema does not have, or a body
 * that is no object at all.
 */
export function refusedBodyOf(schema: Schema, components: Components): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, components);
  const valid = valueOf(resolved, components);
  const keys = Object.keys(resolved.properties ?? {});
  const wrongType = keys.length
    ? fc
        .tuple(valid, fc.constantFrom(...keys))
        .map(([body, key]) => ({ ...(body as object), [key]: { not: ['what', 'the', 'schema', 'says'] } }))
    : valid;
  const unknownField = valid.map((body) => ({ ...(body as object), not_a_field_of_this_body: 1 }));
  return fc.oneof(wrongType, unknownField, fc.constantFrom<unknown>([], 'text', 42));
}

export function resolve(schema: Schema, components: Components): Schema {
  let current = schema;
  while (current.$ref) current = components[current.$ref.replace('#/components/schemas/', '')] ?? {};
  return current;
}
