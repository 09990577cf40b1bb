import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';
import { FilterIdSet, FilterTextSet, SortQuery } from '../../../platform/filtering/filter-decorators';
import { ListSpec } from '../../../platform/filtering/list-spec';
import { ListQueryDto } from '../../../platform/filtering/list-query.dto';
import { AUDIT_OUTCOMES, AuditOutcome } from '../audit-entry.entity';

export class AuditEntryDto {
  @ApiProperty({ example: 812 })
  id!: number;

  @ApiProperty({ example: '2026-12-05T16:20:00.000Z', format: 'date-time' })
  occurred_at!: string;

  @ApiProperty({ type: 'integer', nullable: true, example: 2, description: 'Null when nobody was signed in' })
  user_id!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'alice', description: 'As it was then; for a failed login, the name tried' })
  username!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, example: null, description: 'The API key the request came with' })
  api_key_id!: number | null;

  @ApiProperty({ example: '192.168.1.20' })
  address!: string;

  @ApiProperty({
    example: 'DELETE /api/v1/repositories/{id}/archives/{archive}',
    description: 'The operation, as the API documentation names it',
  })
  action!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { id: '3', archive: 'laptop-2026-12-01' },
    description:
      'What it was done to: the route’s parameters (and the path of a download); of a body only what a bulk operation acts on (action, ids or names joined by commas, compact)',
  })
  target!: Record<string, string>;

  @ApiProperty({ example: 204, description: 'The HTTP status of the answer' })
  status!: number;

  @ApiProperty({ enum: AUDIT_OUTCOMES, example: 'succeeded', description: 'refused: 401, 403 or 429; failed: any other error' })
  outcome!: AuditOutcome;
}

export class AuditActionDto {
  @ApiProperty({ example: 'POST /api/v1/backups/manual', description: 'An operation, as entries name it' })
  action!: string;

  @ApiProperty({ example: 42, description: 'How many entries of the log are of this operation' })
  entries!: number;
}

/** The fields `?sort=` takes on the audit log. */
export const AUDIT_SORT_FIELDS = ['occurred_at', 'id'] as const;

export class AuditQueryDto extends ListQueryDto {
  @FilterIdSet({ description: "These users' entries", example: '1' })
  user_id?: number[];

  @FilterTextSet({
    maxLength: 160,
    description: 'Entries of these operations, exactly as entries name them',
    example: 'POST /api/v1/backups/manual',
  })
  action?: string[];

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T00:00:00Z', description: 'Entries at or after this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  since?: Date;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-05T23:59:59Z', description: 'Entries at or before this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  until?: Date;

  @SortQuery(AUDIT_SORT_FIELDS, { default: '-occurred_at', example: 'occurred_at' })
  sort?: string[];
}

/** The audit log's filters, each on an index with occurred_at after it (user, action, or time alone). */
export const AUDIT_LIST: ListSpec<AuditQueryDto> = {
  filters: {
    user_id: { column: 'user_id', kind: 'in' },
    action: { column: 'action', kind: 'in' },
    since: { column: 'occurred_at', kind: 'from' },
    until: { column: 'occurred_at', kind: 'until' },
  },
  sort: { occurred_at: 'occurred_at', id: 'id' },
  defaultSort: [{ field: 'occurred_at', descending: true }],
  tieBreaker: 'id',
};
