import { INestApplication } from '@nestjs/common';
import { OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { requestBodyClasses } from './request-classes';
import { SCHEMA_RULES } from './schema-rules.decorator';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/**
 * The document says what the validation pipe enforces on request bodies, read from the same class-validator rules:
 * no field beyond the schema's (the pipe refuses unknown fields), lengths, sizes, ranges, patterns and choices,
 * and the rules between fields a class declares with `@SchemaRules`.
 */
export function declareRequestRules(document: OpenAPIObject, app: INestApplication): void {
  const schemas = document.components?.schemas ?? {};
  for (const [name, type] of requestBodyClasses(app)) {
    const schema = schemas[name];
    if (!schema || '$ref' in schema) continue;
    schema.additionalProperties = false;
    const properties = schema.properties ?? {};
    for (const rule of getMetadataStorage().getTargetValidationMetadatas(type, '', true, false)) {
      const property = properties[rule.propertyName];
      if (!property || '$ref' in property) continue;
      const target = rule.each ? property.items : property;
      if (target && !('$ref' in target)) applyRule(target, rule);
    }
    const rules = Reflect.getMetadata(SCHEMA_RULES, type) as SchemaObject | undefined;
    if (rules) Object.assign(schema, rules);
  }
}

function applyRule(schema: SchemaObject, rule: ValidationMetadata): void {
  const [first, second] = (rule.constraints ?? []) as unknown[];
  switch (rule.name) {
    case 'isInt':
      schema.type = 'integer';
      break;
    case 'min':
      schema.minimum = Number(first);
      break;
    case 'max':
      schema.maximum = Number(first);
      break;
    case 'minLength':
      schema.minLength = Number(first);
      break;
    case 'maxLength':
      schema.maxLength = Number(first);
      break;
    case 'isLength':
      schema.minLength = Number(first);
      if (second !== undefined) schema.maxLength = Number(second);
      break;
    case 'isNotEmpty':
      if (schema.type === 'string') schema.minLength = Math.max(schema.minLength ?? 0, 1);
      break;
    case 'arrayMinSize':
      schema.minItems = Number(first);
      break;
    case 'arrayMaxSize':
      schema.maxItems = Number(first);
      break;
    case 'arrayUnique':
      schema.uniqueItems = true;
      break;
    case 'isIn':
      if (!schema.enum && Array.isArray(first)) schema.enum = first.filter((value) => value !== undefined);
      break;
    case 'matches': {
      const pattern =
        first instanceof RegExp
          ? ecmaPattern(first)
          : typeof second === 'string' && second.includes('i')
            ? caseless(String(first))
            : String(first);
      // Several patterns on one field must all match: each becomes a lookahead at the start.
      schema.pattern = schema.pattern && schema.pattern !== pattern ? `^(?=${schema.pattern})(?=${pattern})` : pattern;
      break;
    }
  }
}

/** JSON Schema patterns carry no flags: a case-insensitive expression spells out both cases of each letter. */
function ecmaPattern(expression: RegExp): string {
  return expression.flags.includes('i') ? caseless(expression.source) : expression.source;
}

function caseless(source: string): string {
  let result = '';
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      result += char + (source[index + 1] ?? '');
      index++;
      continue;
    }
    if (char === '[') inClass = true;
    if (char === ']') inClass = false;
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (lower === upper) result += char;
    else result += inClass ? `${lower}${upper}` : `[${lower}${upper}]`;
  }
  return result;
}
