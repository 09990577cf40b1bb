import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDate,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidationArguments,
  ArrayMaxSize,
  IsArray,
} from 'class-validator';
import { QueryInteger } from '../http/query-integer';
import { MAX_ID } from '../http/id.pipe';
import { parseQueryTime, splitQueryIdSet, splitQuerySet } from './query-values';
import { setProblem, sortProblem } from './sort-terms';

/** More items than any list has values for; a bound on what one query can ask. */
const MAX_SET_ITEMS = 100;
const MAX_TEXT = 200;
/** Far beyond any archive (8 PiB), and inside SQLite's 64-bit integers. */
const MAX_SIZE = Number.MAX_SAFE_INTEGER;

interface FieldDocs {
  description: string;
  example: string;
}

/** A rule whose message, in words, comes from `problem` (null: the value is right). */
function Satisfies(name: string, problem: (value: unknown) => string | null): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => problem(value) === null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? String(propertyName)} ${problem(args?.value) ?? ''}`,
      },
    });
}

/** `?status=failed,warning`: a set of these values (also `?status=a&status=b`). */
export function FilterSet(values: readonly string[], docs: FieldDocs & { enumName?: string }): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      // A named enum as a reference: Nest's own enumName drops the example and maxItems of a list.
      ...(docs.enumName
        ? { type: 'array', items: { $ref: `#/components/schemas/${docs.enumName}` } }
        : { type: 'string', isArray: true, enum: [...values] }),
      maxItems: MAX_SET_ITEMS,
      description: `${docs.description}; one value or several separated by commas`,
      example: docs.example.split(','),
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => splitQuerySet(value)),
    IsArray(),
    ArrayMaxSize(MAX_SET_ITEMS),
    Satisfies('isSetOf', (value) => (Array.isArray(value) ? setProblem(value, values) : null)),
  );
}

/** `?action=POST /api/backups/manual,DELETE /api/repositories/{id}`: a set of texts of 1 to `maxLength` characters. */
export function FilterTextSet(docs: FieldDocs & { maxLength: number }): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'string',
      isArray: true,
      maxItems: MAX_SET_ITEMS,
      description: `${docs.description}; one value or several separated by commas`,
      example: docs.example.split(','),
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => splitQuerySet(value)),
    IsArray(),
    ArrayMaxSize(MAX_SET_ITEMS),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(docs.maxLength, { each: true }),
  );
}

/** `?repository_id=1,2`: a set of ids. */
export function FilterIdSet(docs: FieldDocs): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      isArray: true,
      minimum: 1,
      maximum: MAX_ID,
      maxItems: MAX_SET_ITEMS,
      description: `${docs.description}; one id or several separated by commas`,
      example: docs.example.split(',').map(Number),
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => splitQueryIdSet(value)),
    IsArray(),
    ArrayMaxSize(MAX_SET_ITEMS),
    IsInt({ each: true }),
    Min(1, { each: true }),
    Max(MAX_ID, { each: true }),
  );
}

/** `?created_after=2026-12-01T00:00:00Z`: an ISO 8601 date-time (or a date: midnight UTC). */
export function FilterTime(docs: FieldDocs): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'string',
      format: 'date-time',
      description: `${docs.description} (ISO 8601: a date-time with its zone, or a date, which is midnight UTC)`,
      example: docs.example,
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => parseQueryTime(value)),
    IsDate(),
  );
}

/** `?min_size=1048576`: bytes, inclusive. */
export function FilterSize(docs: FieldDocs): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      minimum: 0,
      maximum: MAX_SIZE,
      description: `${docs.description} (bytes)`,
      example: Number(docs.example),
    }),
    IsOptional(),
    QueryInteger(),
    IsInt(),
    Min(0),
    Max(MAX_SIZE),
  );
}

/** `?q=` and `?glob=`: a text of 1 to 200 characters. */
export function FilterText(docs: FieldDocs): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'string', minLength: 1, maxLength: MAX_TEXT, description: docs.description, example: docs.example }),
    IsOptional(),
    IsString(),
    MinLength(1),
    MaxLength(MAX_TEXT),
  );
}

/** `?sort=-created_at,name`: fields of `fields`, each ascending or, with a leading `-`, descending. */
export function SortQuery(fields: readonly string[], docs: { default: string; example: string }): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'string',
      isArray: true,
      enum: fields.flatMap((field) => [field, `-${field}`]),
      maxItems: fields.length,
      description:
        `Order by these fields, separated by commas, each ascending or with a leading \`-\` descending: ` +
        `${fields.map((field) => `\`${field}\``).join(', ')}. Default \`${docs.default}\``,
      example: docs.example.split(','),
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => splitQuerySet(value)),
    IsArray(),
    Satisfies('isSortOf', (value) => (Array.isArray(value) ? sortProblem(value.map(String), fields) : null)),
  );
}
