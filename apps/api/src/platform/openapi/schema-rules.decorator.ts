import type { SchemaObject } from '@nestjs/swagger';

export const SCHEMA_RULES = 'borgitory:schema-rules';

/**
 * Rules between a body's fields, in JSON Schema (`oneOf`, `anyOf`, `not`), added to the class's schema in the
 * document. The server enforces them itself (a service or the class's validators): this only says so.
 */
export function SchemaRules(rules: Pick<SchemaObject, 'oneOf' | 'anyOf' | 'not' | 'allOf'>): ClassDecorator {
  return (target) => Reflect.defineMetadata(SCHEMA_RULES, rules, target);
}
