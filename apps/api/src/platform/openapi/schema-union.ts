import { Type } from '@nestjs/common';
import { getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

type SchemaObject = NonNullable<OpenAPIObject['components']>['schemas'] extends Record<string, infer S> | undefined ? S : never;

/**
 * A named schema that is one of several models, told apart by one property (OpenAPI `oneOf` with a
 * `discriminator`), so that the generated client gets a union it can narrow. Declared once where the models live;
 * `ApiEnvelope` and `ApiProperty` refer to it by `ref`, and the document gets every declared union.
 */
export class SchemaUnion {
  private static readonly declared: SchemaUnion[] = [];

  constructor(
    readonly name: string,
    readonly propertyName: string,
    readonly members: Readonly<Record<string, Type<unknown>>>,
  ) {
    SchemaUnion.declared.push(this);
  }

  get ref(): { $ref: string } {
    return { $ref: `#/components/schemas/${this.name}` };
  }

  schema(): SchemaObject {
    const mapping = Object.fromEntries(Object.entries(this.members).map(([value, model]) => [value, getSchemaPath(model)]));
    return {
      oneOf: Object.values(this.members).map((model) => ({ $ref: getSchemaPath(model) })),
      discriminator: { propertyName: this.propertyName, mapping },
    };
  }

  /** The models of every declared union, for the document's extra models. */
  static allMembers(): Type<unknown>[] {
    return SchemaUnion.declared.flatMap((union) => Object.values(union.members));
  }

  /** Adds every declared union to the document's schemas. */
  static addTo(document: OpenAPIObject): void {
    document.components ??= {};
    document.components.schemas ??= {};
    for (const union of SchemaUnion.declared) document.components.schemas[union.name] = union.schema();
  }
}
