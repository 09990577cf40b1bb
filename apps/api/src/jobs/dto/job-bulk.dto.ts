import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { BulkIdsDto } from '../../platform/bulk/bulk-ids.dto';

export const JOB_BULK_ACTIONS = ['cancel', 'retry'] as const;
export type JobBulkAction = (typeof JOB_BULK_ACTIONS)[number];

export class JobBulkDto extends BulkIdsDto {
  @ApiProperty({ enum: JOB_BULK_ACTIONS, description: 'What to do to each job, as POST /api/v1/jobs/{id}/cancel or /retry does' })
  @IsIn(JOB_BULK_ACTIONS)
  action!: JobBulkAction;
}
