import { Transform } from 'class-transformer';

const WHOLE_NUMBER = /^-?\d+$/;

/**
 * A whole number read from the query string. Only digits become a number: an
 * empty `?offset=` (which `Number` reads as 0) or `1e3` stays text, so the
 * integer rule refuses it with 400 like any other malformed number.
 */
export function QueryInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' && WHOLE_NUMBER.test(value) ? Number(value) : value));
}
