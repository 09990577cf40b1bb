import { stepParameters, type Job, type JobStep } from '../../api/jobs';
import { jobTypeLabel } from '../../format/job-labels';

/** What a step does, in a few words: "Pre-hook: Dump the database", "Prune: 7 daily", "Cloud sync: NAS", "Backup". */
export function stepLabel(job: Job, step: JobStep): string {
  switch (step.type) {
    case 'hook':
      return step.parameters
        ? `${step.parameters.phase === 'pre' ? 'Pre' : 'Post'}-hook: ${step.parameters.name}`
        : jobTypeLabel(step.type);
    case 'prune': {
      const prune = stepParameters(job, step);
      return prune ? `Prune: ${prune.policy_name}` : 'Prune';
    }
    case 'check': {
      const check = stepParameters(job, step);
      return check?.policy_name ? `Check: ${check.policy_name}` : 'Check';
    }
    case 'cloud_sync': {
      const cloudSync = stepParameters(job, step);
      return cloudSync ? `Cloud sync: ${cloudSync.config_name}` : 'Cloud sync';
    }
    default:
      return jobTypeLabel(step.type);
  }
}
