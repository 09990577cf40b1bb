import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { BulkResultDto } from './bulk-result.dto';

const envelope = () => ({
  type: 'object',
  required: ['status', 'data', 'message'],
  properties: {
    status: { type: 'string', enum: ['success'] },
    data: { $ref: getSchemaPath(BulkResultDto) },
    message: { type: 'string' },
  },
});

/** Documents a bulk operation's answers: 200 when every item succeeded, 207 when any failed (each item's outcome). */
export function ApiBulkResponses() {
  return applyDecorators(
    ApiExtraModels(BulkResultDto),
    ApiResponse({ status: 200, description: 'Every item succeeded', schema: envelope() }),
    ApiResponse({
      status: 207,
      description: 'Some items (or all) failed: `results` says which and why; the others were done',
      schema: envelope(),
    }),
  );
}
