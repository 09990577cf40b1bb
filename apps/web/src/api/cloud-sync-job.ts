import type { Job, JobStep } from './jobs';

/** What a cloud sync job or step was given: the configuration, by id and by its name at the time. */
export interface CloudSyncParameters {
  config_id: number;
  config_name: string;
}

/** What a finished cloud sync did, by rclone's figures. */
export interface CloudSyncResult {
  mode: string;
  remote_path: string;
  bytes_transferred: number;
  files_transferred: number;
  files_checked: number;
  files_deleted: number;
  duration_seconds: number;
}

/** The cloud sync parameters of a cloud sync job, or of the cloud sync step of a scheduled run. */
export function cloudSyncParameters(job: Job, step?: JobStep): CloudSyncParameters | null {
  const p = step?.parameters ?? (job.type === 'cloud_sync' ? job.parameters : null);
  if (!p || typeof p['cloud_sync_config_id'] !== 'number' || typeof p['config_name'] !== 'string') return null;
  return { config_id: p['cloud_sync_config_id'], config_name: p['config_name'] };
}

/** A cloud sync job's (or step's) result, or null when there is none (a failure, another kind of job). */
export function cloudSyncResult(result: Job['result']): CloudSyncResult | null {
  if (!result || typeof result['remote_path'] !== 'string') return null;
  const count = (name: string) => (typeof result[name] === 'number' ? (result[name] as number) : Number.NaN);
  return {
    mode: typeof result['mode'] === 'string' ? result['mode'] : '',
    remote_path: result['remote_path'],
    bytes_transferred: count('bytes_transferred'),
    files_transferred: count('files_transferred'),
    files_checked: count('files_checked'),
    files_deleted: count('files_deleted'),
    duration_seconds: count('duration_seconds'),
  };
}
