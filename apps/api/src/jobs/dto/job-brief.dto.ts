import { ApiProperty } from '@nestjs/swagger';
import { JOB_STATUSES, JOB_TYPES, JobStatus, JobType } from '@borgitory/job-states';
import { JobErrorDto } from './job.dto';

/** A job in brief, for the dashboard: what it was, how it ended and when. */
export class JobBriefDto {
  @ApiProperty({ example: 42 })
  id!: number;

  @ApiProperty({ enum: JOB_TYPES, enumName: 'JobType' })
  type!: JobType;

  @ApiProperty({ enum: JOB_STATUSES, enumName: 'JobStatus' })
  status!: JobStatus;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  started_at!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  finished_at!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'From start to finish, in seconds; null until it has finished', example: 12.5 })
  duration_seconds!: number | null;

  @ApiProperty({ type: JobErrorDto, nullable: true })
  error!: JobErrorDto | null;
}
