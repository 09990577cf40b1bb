import { ApiProperty } from '@nestjs/swagger';
import { JobLogLevel } from '../engine/job-executor';

export const JOB_LOG_LEVELS: readonly JobLogLevel[] = ['debug', 'info', 'warning', 'error'];

export class JobLogLineDto {
  @ApiProperty({ description: 'Byte offset of the line in the log file' })
  offset!: number;

  @ApiProperty({ format: 'date-time' })
  time!: string;

  @ApiProperty({ enum: JOB_LOG_LEVELS, enumName: 'JobLogLevel' })
  level!: JobLogLevel;

  @ApiProperty({ example: 'Step 1/1: backup started' })
  message!: string;
}

export class JobLogPageDto {
  @ApiProperty({ type: [JobLogLineDto] })
  lines!: JobLogLineDto[];

  @ApiProperty({ description: 'Byte offset to ask for next (?offset=)' })
  next_offset!: number;

  @ApiProperty({ description: 'The log reached its size cap and later lines were dropped' })
  truncated!: boolean;

  @ApiProperty({ description: 'The job has finished and next_offset is the end of its log' })
  complete!: boolean;
}
