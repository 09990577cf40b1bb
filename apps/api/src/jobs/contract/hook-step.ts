import { ApiProperty } from '@nestjs/swagger';
import { ScheduleHookViewDto } from '../../schedules/dto/schedule-hook.dto';

export const HOOK_PHASES = ['pre', 'post'] as const;
export type HookPhase = (typeof HOOK_PHASES)[number];

/** A hook of a scheduled run: the hook as it was when the run started, its phase and its schedule. */
export class HookStepParametersDto extends ScheduleHookViewDto {
  @ApiProperty({ enum: HOOK_PHASES, enumName: 'HookPhase' })
  phase!: HookPhase;

  @ApiProperty()
  schedule_id!: number;

  @ApiProperty()
  schedule_name!: string;
}

export class HookResultDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null: the hook did not exit by itself (killed, timed out, not started)' })
  exit_code!: number | null;

  @ApiProperty()
  duration_seconds!: number;
}
