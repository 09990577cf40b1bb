import { unwrap, type Schemas } from '@borgitory/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { jobKeys } from './jobs';
import { repositoryKeys } from './repositories';

export type Overview = Schemas['OverviewDto'];
export type RepositoryOverview = Schemas['RepositoryOverviewDto'];
export type RepositoryHealth = Schemas['RepositoryHealth'];
/** A host backed up in pull mode, as the dashboard shows it: how its last test went and its newest backup. */
export type HostOverview = Schemas['HostOverviewDto'];

/**
 * Every repository's health, worst first. Under the repositories' key, so that whatever makes them be read again (a job
 * that finishes, an edit) makes this be read again too; and every minute, the monitor's pace.
 */
export function useOverview() {
  return useQuery({
    queryKey: repositoryKeys.overview,
    queryFn: () => unwrap(api.GET('/api/v1/overview')),
    refetchInterval: 60_000,
  });
}

/** Acknowledges the failed and warning jobs of one repository, or of all when `repositoryId` is undefined. */
export function useAcknowledgeFailures() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (repositoryId?: number) =>
      unwrap(api.POST('/api/v1/jobs/acknowledge', { body: repositoryId === undefined ? {} : { repository_id: repositoryId } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: repositoryKeys.overview }),
        queryClient.invalidateQueries({ queryKey: jobKeys.all }),
      ]),
  });
}
