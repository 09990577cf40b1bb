import type { Job } from './jobs';

/** What a restore job was asked to do, as the server keeps it in the job's `parameters`. */
export interface RestoreParameters {
  archive_name: string;
  /** Archive paths without their leading slash (surrogate-escaped); none means the whole archive. */
  paths: string[];
  destination: string;
  strip_components: number;
  overwrite: boolean;
}

/** A restore job's parameters, or null for any other job (or parameters of an unexpected shape). */
export function restoreParameters(job: Job): RestoreParameters | null {
  if (job.type !== 'restore') return null;
  const p = job.parameters;
  if (typeof p['archive_name'] !== 'string' || typeof p['destination'] !== 'string') return null;
  const paths = Array.isArray(p['paths']) ? p['paths'].filter((path): path is string => typeof path === 'string') : [];
  return {
    archive_name: p['archive_name'],
    paths,
    destination: p['destination'],
    strip_components: typeof p['strip_components'] === 'number' ? p['strip_components'] : 0,
    overwrite: p['overwrite'] === true,
  };
}
