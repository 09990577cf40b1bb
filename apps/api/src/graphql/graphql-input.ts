import { Type } from '@nestjs/common';
import { DomainError } from '../platform/errors/domain-error';
import { ApiValidationPipe } from '../platform/http/validation.pipe';
import { camelCase } from './types/dto-field';

const validation = new ApiValidationPipe();

/**
 * A mutation's camelCase input as the REST body class it stands for, checked by the same validation pipe as a REST
 * body (the same rules, VALIDATION_ERROR with the same messages); `details` name the fields as GraphQL does.
 */
export async function asRestBody<T extends object>(bodyClass: Type<T>, input: object): Promise<T> {
  const body = Object.fromEntries(
    Object.entries(input)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [snakeCase(key), value]),
  );
  try {
    return (await validation.transform(body, { type: 'body', metatype: bodyClass })) as T;
  } catch (error) {
    if (!(error instanceof DomainError) || error.details === undefined) throw error;
    const details = Object.fromEntries(Object.entries(error.details).map(([field, problems]) => [camelCase(field), problems]));
    throw new DomainError(error.code, error.message, details);
  }
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
