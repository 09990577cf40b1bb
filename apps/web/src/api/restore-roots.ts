import { unwrap, type Schemas } from '@borgitory/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export type RestoreRoots = Schemas['RestoreRootsDto'];

/** Where the signed-in user may restore to: anywhere (an admin), or inside the server's restore roots. Set at start. */
export function useRestoreRoots(enabled: boolean) {
  return useQuery({
    queryKey: ['restore-roots'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/restore-roots')),
    enabled,
    staleTime: Infinity,
  });
}
