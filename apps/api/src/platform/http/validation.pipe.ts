import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { refusesAsFilter } from '../filtering/list-query.dto';
import { nullProblems } from './null-fields';
import { fieldMessages, invalidInputMessage } from './validation-messages';

class InvalidInput extends Error {
  constructor(readonly details: Record<string, string[]>) {
    super('invalid input');
  }
}

/**
 * The seed promises 422 for an invalid body and 400 for a malformed request
 * (bad query or path parameters), so the status depends on where the value came from;
 * a filtered list's filters and sort are refused like a body's fields, with 422.
 */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors: ValidationError[]) => new InvalidInput(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const validatesClass = typeof metadata.metatype === 'function' && this.toValidate(metadata);
    // A path parameter stays the text it was: IdPipe reads ids, and "1e3" must not become 1000 before it does.
    if (metadata.type === 'param' && !validatesClass) return value;
    if (metadata.type === 'body' && validatesClass) {
      if (value === undefined || value === null) value = {};
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw DomainError.badRequest('Request body must be a JSON object');
      }
    }
    const nulls = metadata.type === 'body' && validatesClass && metadata.metatype ? nullProblems(metadata.metatype, value) : {};
    try {
      const transformed: unknown = await super.transform(value, metadata);
      if (Object.keys(nulls).length > 0) throw new InvalidInput(nulls);
      return transformed;
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      const details = { ...error.details, ...nulls };
      const message = invalidInputMessage(details);
      const unprocessable =
        metadata.type === 'body' || (metadata.type === 'query' && refusesAsFilter(metadata.metatype, Object.keys(details)));
      throw unprocessable ? DomainError.validation(message, details) : DomainError.badRequest(message, details);
    }
  }
}

/** `{ "field": ["message"], "nested.field": ["message"] }`, keyed by the request's field names, worded for people. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      result[path] = fieldMessages(path, error.property, error.constraints);
    }
    if (error.children?.length) Object.assign(result, flattenValidationErrors(error.children, path));
  }
  return result;
}
