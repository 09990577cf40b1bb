import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorEnvelopeDto, PageMetaDto } from './envelope-schemas';
import { SchemaUnion } from './schema-union';

interface EnvelopeOptions {
  status?: 200 | 201 | 202;
  /** `data` is a list of the model. */
  isArray?: boolean;
  /** `data` is a page of the model and `meta` says where it is in the whole. */
  paginated?: boolean;
  description?: string;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (bad JSON, query or path parameters)',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Too large',
  422: 'Validation failed; details name each field',
  429: 'Too many attempts',
  503: 'Service unavailable',
};

/** Documents the success envelope `{status, data, message[, meta]}` around `model`. */
export function ApiEnvelope(model: Type<unknown> | SchemaUnion | null, options: EnvelopeOptions = {}) {
  const modelSchema = model instanceof SchemaUnion ? model.ref : model ? { $ref: getSchemaPath(model) } : { nullable: true };
  const list = options.isArray || options.paginated;
  const properties: Record<string, object> = {
    status: { type: 'string', enum: ['success'] },
    data: list ? { type: 'array', items: modelSchema } : modelSchema,
    message: { type: 'string' },
  };
  if (options.paginated) properties['meta'] = { $ref: getSchemaPath(PageMetaDto) };
  return applyDecorators(
    ApiExtraModels(...(model && !(model instanceof SchemaUnion) ? [model] : []), PageMetaDto),
    ApiResponse({
      status: options.status ?? 200,
      description: options.description ?? 'Success',
      schema: { type: 'object', required: Object.keys(properties), properties },
    }),
  );
}

export function ApiNoContent() {
  return ApiResponse({ status: 204, description: 'Done; no content' });
}

/** Documents the error envelope for each status the operation can answer with. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ErrorEnvelopeDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_DESCRIPTIONS[status] ?? 'Error',
        schema: { $ref: getSchemaPath(ErrorEnvelopeDto) },
      }),
    ),
  );
}
