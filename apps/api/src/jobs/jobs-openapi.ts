import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '../platform/openapi/envelope-schemas';

/**
 * For routes that answer in more than JSON: each response names its content
 * types itself, so that @ApiProduces does not relabel the JSON errors.
 */
export function ApiJsonErrors(...statuses: (400 | 404)[]) {
  const descriptions = { 400: 'Malformed request (bad query or path parameters)', 404: 'Not found' };
  return applyDecorators(
    ApiExtraModels(ErrorEnvelopeDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: descriptions[status],
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorEnvelopeDto) } } },
      }),
    ),
  );
}

export function ApiEventStream(description: string) {
  return ApiResponse({
    status: 200,
    description,
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  });
}

/** The success envelope around `model` as JSON, or the same content as plain text (?format=text). */
export function ApiEnvelopeOrText(model: Type<unknown>, description: string) {
  return applyDecorators(
    ApiExtraModels(model),
    ApiResponse({
      status: 200,
      description,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['status', 'data', 'message'],
            properties: {
              status: { type: 'string', enum: ['success'] },
              data: { $ref: getSchemaPath(model) },
              message: { type: 'string' },
            },
          },
        },
        'text/plain': { schema: { type: 'string' } },
      },
    }),
  );
}
