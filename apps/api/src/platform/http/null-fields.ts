import { Type } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { fieldLabel } from './validation-messages';

interface PropertyDocument {
  nullable?: boolean;
  type?: unknown;
}

/**
 * `null` is a value only where the document says `nullable`: there it clears the field. Anywhere else
 * (`compact_after: null`, a required name) it is refused naming the field, instead of being read as "left out" —
 * which class-validator's `@IsOptional` would do. Nested bodies of a class are checked the same way.
 */
export function nullProblems(bodyClass: Type<unknown>, value: unknown, prefix = ''): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return problems;
  for (const [key, field] of Object.entries(value)) {
    const property = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, bodyClass.prototype, key) as PropertyDocument | undefined;
    if (!property) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (field === null) {
      if (!property.nullable) problems[path] = [`${fieldLabel(path)} cannot be null`];
      continue;
    }
    const nested = nestedClass(property.type);
    if (!nested) continue;
    const items: unknown[] = Array.isArray(field) ? field : [field];
    items.forEach((item, index) => Object.assign(problems, nullProblems(nested, item, Array.isArray(field) ? `${path}.${index}` : path)));
  }
  return problems;
}

/** The class of a property that holds a body of its own (`type: SomeDto` or `type: [SomeDto]`). */
function nestedClass(type: unknown): Type<unknown> | null {
  const candidate = Array.isArray(type) ? type[0] : type;
  if (!isClass(candidate) || [String, Number, Boolean, Object, Array, Date].some((basic) => basic === candidate)) return null;
  return Reflect.hasMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, candidate.prototype) ? candidate : null;
}

function isClass(value: unknown): value is Type<unknown> {
  return typeof value === 'function' && 'prototype' in value;
}
