import { checkParameters } from '../../api/check-job';
import { cloudSyncParameters } from '../../api/cloud-sync-job';
import { hookStepParameters } from '../../api/hook-step';
import type { Job, JobStep } from '../../api/jobs';
import { pruneParameters } from '../../api/prune-job';
import { jobTypeLabel } from '../../format/job-labels';

/** What a step does, in a few words: "Pre-hook: Dump the database", "Prune: 7 daily", "Cloud sync: NAS", "Backup". */
export function stepLabel(job: Job, step: JobStep): string {
  const hook = hookStepParameters(step);
  if (hook) return `${hook.phase === 'pre' ? 'Pre' : 'Post'}-hook: ${hook.name}`;
  if (step.type === 'prune') {
    const prune = pruneParameters(job, step);
    return prune ? `Prune: ${prune.policy_name}` : 'Prune';
  }
  if (step.type === 'check') {
    const check = checkParameters(job, step);
    return check?.policy_name ? `Check: ${check.policy_name}` : 'Check';
  }
  if (step.type === 'cloud_sync') {
    const cloudSync = cloudSyncParameters(job, step);
    return cloudSync ? `Cloud sync: ${cloudSync.config_name}` : 'Cloud sync';
  }
  return jobTypeLabel(step.type);
}
