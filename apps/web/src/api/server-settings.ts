import { unwrap, type Schemas } from '@borgitory/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export type ServerSetting = Schemas['ServerSettingDto'];
export type ServerSettingGroup = ServerSetting['group'];

/** The server's settings in use (admins only); they change only when the server restarts. */
export function useServerSettings() {
  return useQuery({
    queryKey: ['server-settings'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/server-settings')),
    staleTime: Infinity,
  });
}
