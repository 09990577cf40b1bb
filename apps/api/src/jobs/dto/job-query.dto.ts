import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../platform/http/page-query.dto';
import { JOB_STATUSES, JOB_TYPES, JobStatus, JobType } from '@borgitory/job-states';
import { QueryInteger } from '../../platform/http/query-integer';

export class JobListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATUSES, enumName: 'JobStatus' })
  @IsOptional()
  @IsIn(JOB_STATUSES)
  status?: JobStatus;

  @ApiPropertyOptional({ enum: JOB_TYPES, enumName: 'JobType' })
  @IsOptional()
  @IsIn(JOB_TYPES)
  type?: JobType;

  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  repository_id?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: "A schedule's runs" })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  schedule_id?: number;
}

export const MAX_LOG_LINES = 1000;

export class JobLogQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    default: 0,
    description: 'Byte offset: 0, or a next_offset / SSE event id from before',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  offset = 0;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_LOG_LINES, default: 200, description: 'Most lines to return' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_LOG_LINES)
  limit = 200;

  @ApiPropertyOptional({ enum: ['json', 'text'], default: 'json', description: 'text: the whole log as text/plain' })
  @IsOptional()
  @IsIn(['json', 'text'])
  format: 'json' | 'text' = 'json';
}
