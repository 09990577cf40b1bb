import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { BulkIdsDto } from '../../platform/bulk/bulk-ids.dto';

export const SCHEDULE_BULK_ACTIONS = ['enable', 'disable', 'run', 'delete'] as const;
export type ScheduleBulkAction = (typeof SCHEDULE_BULK_ACTIONS)[number];

export class ScheduleBulkDto extends BulkIdsDto {
  @ApiProperty({
    enum: SCHEDULE_BULK_ACTIONS,
    description: 'What to do to each schedule: enable or disable it (one already so succeeds unchanged), run it now (a job), or delete it',
  })
  @IsIn(SCHEDULE_BULK_ACTIONS)
  action!: ScheduleBulkAction;
}
