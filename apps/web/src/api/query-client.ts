import { ApiRequestError } from '@borgitory/api-client';
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { authKeys } from './auth';

/**
 * Queries retry only when the server could not be reached; an answer in the
 * error envelope is the server's final word. A 401 on any query means the
 * session has ended, so the auth status is asked again and the login page follows.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (error instanceof ApiRequestError && error.status === 401 && query.queryKey[0] !== authKeys.all[0]) {
          void queryClient.invalidateQueries({ queryKey: authKeys.status });
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !(error instanceof ApiRequestError) && failureCount < 2,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
