import { BorgEvent } from '@borgitory/borg-runner';
import { JobContext } from './job-executor';

const LOG_LEVELS: Record<string, 'debug' | 'info' | 'warning' | 'error'> = {
  DEBUG: 'debug',
  INFO: 'info',
  WARNING: 'warning',
  ERROR: 'error',
  CRITICAL: 'error',
};

/** borg's progress and log events, as a job's progress and log lines. */
export function forwardBorgEvent(event: BorgEvent, context: JobContext): void {
  switch (event.type) {
    case 'archive_progress':
      if (!event.finished) {
        context.progress({
          files: event.nfiles,
          original_size: event.originalSize,
          compressed_size: event.compressedSize,
          deduplicated_size: event.deduplicatedSize,
          current_path: event.path,
        });
      }
      return;
    case 'progress_percent':
      context.progress({ current: event.current, total: event.total, message: event.message });
      return;
    case 'progress_message':
      if (event.message) context.progress({ message: event.message });
      return;
    case 'log_message':
      context.log(LOG_LEVELS[event.level] ?? 'info', event.message);
      return;
    case 'stderr_line':
      context.log('info', event.line);
  }
}
