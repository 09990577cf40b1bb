import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode } from '../errors/error-code';

export const BULK_ITEM_STATUSES = ['succeeded', 'failed'] as const;
export type BulkItemStatus = (typeof BULK_ITEM_STATUSES)[number];

export class BulkItemErrorDto {
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode', example: ErrorCode.CONFLICT })
  code!: ErrorCode;

  @ApiProperty({ example: 'Job 12 has already finished (completed); only queued or running jobs can be cancelled' })
  message!: string;
}

export class BulkItemResultDto {
  @ApiProperty({ type: 'integer', example: 12 })
  id!: number;

  @ApiProperty({ enum: BULK_ITEM_STATUSES, example: 'failed' })
  status!: BulkItemStatus;

  @ApiPropertyOptional({ type: BulkItemErrorDto, description: 'Why the item failed (as the single-item operation would answer)' })
  error?: BulkItemErrorDto;
}

export class BulkResultDto {
  @ApiProperty({ type: [BulkItemResultDto], description: 'One outcome per id, in the order of the request' })
  results!: BulkItemResultDto[];
}
