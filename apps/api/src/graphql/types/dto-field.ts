import { Field, FieldOptions, ReturnTypeFunc } from '@nestjs/graphql';

/**
 * A field read as it is from the REST DTO's snake_case property, named in camelCase as GraphQL has it
 * (`archives_count` → `archivesCount`): the resolvers hand over the services' own DTOs, with no mapping in between.
 */
export function DtoField(typeFunction: ReturnTypeFunc, options: Omit<FieldOptions, 'name'> = {}): PropertyDecorator {
  return (target, key) => Field(typeFunction, { ...options, name: camelCase(String(key)) })(target, key);
}

export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
