import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { fieldLabel } from './validation-messages';

/** Ids start at 1; the largest is the largest whole number a JSON number carries exactly. */
export const MAX_ID = Number.MAX_SAFE_INTEGER;

/**
 * An id in the path: digits only, from 1 to MAX_ID. Anything else ("abc", "1.5", "0", "-1") is refused with 400 the
 * same way on every route, naming the parameter, before a lookup could answer 404 for an id that cannot exist.
 */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const id = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isSafeInteger(id) && id >= 1) return id;
    const name = metadata.data ?? 'id';
    const message = `${fieldLabel(name)} must be a whole number from 1 to ${MAX_ID}`;
    throw DomainError.badRequest(message, { [name]: [message] });
  }
}
