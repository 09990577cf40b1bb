import { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { flattenValidationErrors } from './validation.pipe';
import { invalidInputMessage } from './validation-messages';

export interface PartialUpdateRules {
  /**
   * Fields a body gives one of at most (`source_path` or `source_paths`): the stored value counts as the last of
   * them, and none of the stored ones is kept when the change gives any.
   */
  alternatives?: string[][];
}

/**
 * PUT as the API means it: the fields the body gives replace the stored ones, fields left out keep their values,
 * and null clears an optional field (the validation pipe has already refused null where the document does not
 * allow it). A field is replaced whole: an object or a list given is the new value. `stored` is the resource as
 * GET answers it; only the fields of `inputClass` (the body of POST) are read from it. The result is validated as
 * a whole body of that class, so rules between fields see the merged values.
 */
export async function mergeUpdate<Input extends object>(
  inputClass: Type<Input>,
  stored: object,
  changes: object,
  rules: PartialUpdateRules = {},
): Promise<Input> {
  const fields = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(inputClass, '', true, false)
      .map((rule) => rule.propertyName),
  );
  const given = Object.entries(changes).filter(([, value]) => value !== undefined);
  const merged: Record<string, unknown> = Object.fromEntries(Object.entries(stored).filter(([key]) => fields.has(key)));
  for (const group of rules.alternatives ?? []) {
    const replaced = given.some(([key]) => group.includes(key));
    for (const key of replaced ? group : group.slice(0, -1)) delete merged[key];
  }
  for (const [key, value] of given) merged[key] = value;

  const input = plainToInstance(inputClass, merged);
  const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  if (errors.length > 0) {
    const details = flattenValidationErrors(errors);
    throw DomainError.validation(invalidInputMessage(details), details);
  }
  return input;
}
