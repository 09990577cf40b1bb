import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { FilterIdSet, FilterSet, FilterTime, SortQuery } from '../../platform/filtering/filter-decorators';
import { ListQueryDto } from '../../platform/filtering/list-query.dto';
import { JOB_STATUSES, JOB_TYPES, JobStatus, JobType } from '@borgitory/job-states';
import { QueryInteger } from '../../platform/http/query-integer';

/** The fields `?sort=` takes on the job list. */
export const JOB_SORT_FIELDS = ['created_at', 'started_at', 'finished_at', 'id'] as const;

export class JobListQueryDto extends ListQueryDto {
  @FilterSet(JOB_STATUSES, { enumName: 'JobStatus', description: 'Jobs in these statuses', example: 'failed,warning' })
  status?: JobStatus[];

  @FilterSet(JOB_TYPES, { enumName: 'JobType', description: 'Jobs of these types', example: 'backup' })
  type?: JobType[];

  @FilterIdSet({ description: "These repositories' jobs", example: '1,2' })
  repository_id?: number[];

  @FilterIdSet({ description: "These schedules' runs", example: '7' })
  schedule_id?: number[];

  @FilterTime({ description: 'Jobs created at or after this time', example: '2026-12-01T00:00:00Z' })
  created_after?: Date;

  @FilterTime({ description: 'Jobs created before this time', example: '2026-12-05T00:00:00Z' })
  created_before?: Date;

  @SortQuery(JOB_SORT_FIELDS, { default: '-created_at', example: '-created_at' })
  sort?: string[];
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
