import { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';

/** Nest's ROUTE_ARGS_METADATA: where `@Body()`, `@Query()` and `@Param()` note a route's arguments. */
const ROUTE_ARGUMENTS = '__routeArguments__';
/** Nest's RouteParamtypes.BODY, the prefix of a `@Body()` argument's key in that record. */
const BODY_ARGUMENT = '3';
const BASIC_TYPES: unknown[] = [String, Number, Boolean, Object, Array, Date];

/**
 * Every class the validation pipe checks a request body against, by the name its schema has in the document: the
 * `@Body()` classes of the routes and the classes nested in them. Read from the routes themselves, so that the
 * document can say exactly what the server enforces.
 */
export function requestBodyClasses(app: INestApplication): Map<string, Type<unknown>> {
  const found = new Map<string, Type<unknown>>();
  const visit = (type: unknown) => {
    if (!isModelClass(type) || found.get(type.name) === type) return;
    found.set(type.name, type);
    for (const property of modelProperties(type)) visit(Array.isArray(property.type) ? property.type[0] : property.type);
  };
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype;
      if (typeof controller !== 'function') continue;
      for (const method of methodNames(controller.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGUMENTS, controller, method) ?? {}) as Record<string, { index: number }>;
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as unknown[];
        for (const [key, arg] of Object.entries(args)) {
          if (key.split(':')[0] === BODY_ARGUMENT) visit(types[arg.index]);
        }
      }
    }
  }
  return found;
}

interface PropertyDocument {
  type?: unknown;
}

function modelProperties(type: Type<unknown>): PropertyDocument[] {
  const names = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype) ?? []) as string[];
  return names.map(
    (name) => (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, type.prototype, name.replace(/^:/, '')) ?? {}) as PropertyDocument,
  );
}

function isModelClass(type: unknown): type is Type<unknown> {
  return (
    typeof type === 'function' &&
    !BASIC_TYPES.includes(type) &&
    'prototype' in type &&
    Reflect.hasMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype)
  );
}

/** The methods of a controller class, its base classes' included (the policy controllers inherit their routes). */
function methodNames(prototype: object | null): string[] {
  const names = new Set<string>();
  for (let current = prototype; current && current !== Object.prototype; current = Object.getPrototypeOf(current)) {
    for (const name of Object.getOwnPropertyNames(current)) if (name !== 'constructor') names.add(name);
  }
  return [...names];
}
