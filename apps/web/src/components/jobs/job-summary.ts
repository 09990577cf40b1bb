import type { Job } from '../../api/jobs';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatCountOf } from '../../format/count';

/** A few words on how a job ended, for lists: "1,234 files, 12.3 MB new", "3 files, 1.2 MB copied", or the error. */
export function jobSummary(job: Job): string | null {
  if (job.status === 'failed' || job.status === 'interrupted') return job.error?.message ?? null;
  if (job.type === 'backup' && job.result) {
    const figures = `${formatCountOf(job.result.files, 'file')}, ${formatBytes(job.result.deduplicated_size)} new`;
    return job.warnings.length > 0 ? `${figures} · ${formatCountOf(job.warnings.length, 'warning')}` : figures;
  }
  if (job.type === 'backup' && (job.status === 'completed' || job.status === 'warning')) return 'Dry run';
  if (job.type === 'cloud_sync' && job.result) {
    return `${formatCountOf(job.result.files_transferred, 'file')}, ${formatBytes(job.result.bytes_transferred)} copied`;
  }
  return null;
}
