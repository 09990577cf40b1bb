import { Body, Type } from '@nestjs/common';

/**
 * `@Body()` whose class is given, for a route written once for several body classes (a type parameter):
 * TypeScript records a type parameter as Object, and the validation pipe and the OpenAPI document read the
 * class from that record. TypeScript writes it before parameter decorators run, so it can be corrected here.
 */
export function BodyOf(type: Type<unknown>): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) throw new Error('BodyOf is for the parameters of a route method');
    const types: unknown[] = [...((Reflect.getMetadata('design:paramtypes', target, key) as unknown[] | undefined) ?? [])];
    types[index] = type;
    Reflect.defineMetadata('design:paramtypes', types, target, key);
    Body()(target, key, index);
  };
}
