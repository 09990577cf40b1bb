import type { JobStep } from './jobs';

export type HookPhase = 'pre' | 'post';

/** What a hook step of a scheduled run was given: the hook as it was when the run started, and its phase. */
export interface HookStepParameters {
  phase: HookPhase;
  name: string;
  command: string[];
  shell: boolean;
}

/** The hook of a hook step, or null for any other step (or parameters of an unexpected shape). */
export function hookStepParameters(step: JobStep): HookStepParameters | null {
  const p = step.parameters;
  if (step.type !== 'hook' || !p || typeof p['name'] !== 'string') return null;
  const command = Array.isArray(p['command']) ? p['command'].filter((part): part is string => typeof part === 'string') : [];
  return { phase: p['phase'] === 'post' ? 'post' : 'pre', name: p['name'], command, shell: p['shell'] === true };
}
