import { unwrap, type Schemas } from '@borgitory/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** One of the signed-in user's own sessions: a browser or client that is logged in as them. */
export type OwnSession = Schemas['OwnSessionDto'];
export type PasswordChange = Schemas['PasswordChangeDto'];

export const accountKeys = {
  sessions: ['own-sessions'] as const,
};

export function useOwnSessions() {
  return useQuery({
    queryKey: accountKeys.sessions,
    queryFn: () => unwrap(api.GET('/api/v1/auth/sessions')),
  });
}

/** Changes the signed-in user's password; the server ends their other sessions, so the list is asked again. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChange) => unwrap(api.PUT('/api/v1/auth/password', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

/** Ends one of the user's other sessions: that browser is logged out at its next request. */
export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

/** Ends every session of the user but this one; answers how many were ended. */
export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/auth/sessions')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}
