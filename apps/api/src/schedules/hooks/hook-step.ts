import { HookStepParametersDto } from '../../jobs/contract/hook-step';

/** "Pre-hook "Dump the database"" */
export function hookLabel(parameters: Pick<HookStepParametersDto, 'phase' | 'name'>): string {
  return `${parameters.phase === 'pre' ? 'Pre' : 'Post'}-hook "${parameters.name}"`;
}
