import { unwrap } from '@borgitory/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keepJob } from './jobs';

/** Queues `borg compact`, which gives back the space of deleted archives. */
export function useCompactRepository(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/repositories/{id}/compact', { params: { path: { id } } })),
    onSuccess: (job) => keepJob(queryClient, job),
  });
}
