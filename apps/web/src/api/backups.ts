import { unwrap, type Schemas } from '@borgitory/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keepJob } from './jobs';

/** What "Back up now" sends; the server fills in the archive name and compression when they are left out. */
export type ManualBackupInput = Schemas['ManualBackupDto'];

/** The archive name the server uses when none is given (borg expands the placeholders). */
export const DEFAULT_ARCHIVE_NAME = '{hostname}-{now:%Y-%m-%dT%H:%M:%S}';
export const DEFAULT_COMPRESSION = 'lz4';

/** Queues a backup; the answer is its job, to be followed on the job's page. */
export function useStartBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ManualBackupInput) => unwrap(api.POST('/api/v1/backups/manual', { body: input })),
    onSuccess: (job) => keepJob(queryClient, job),
  });
}
