import { ScheduleHook } from './schedule-hook';

export type HookPhase = 'pre' | 'post';

/** What a hook step of a scheduled run is given. */
export interface HookStepParameters extends ScheduleHook {
  phase: HookPhase;
  schedule_id: number;
  schedule_name: string;
}

/** "Pre-hook "Dump the database"" */
export function hookLabel(parameters: Pick<HookStepParameters, 'phase' | 'name'>): string {
  return `${parameters.phase === 'pre' ? 'Pre' : 'Post'}-hook "${parameters.name}"`;
}
