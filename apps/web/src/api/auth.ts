import { ApiRequestError, unwrap, type Schemas } from '@borgitory/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type AuthStatus = Schemas['AuthStatusDto'];
export type User = Schemas['UserDto'];
export type Credentials = Schemas['CredentialsDto'];

export const authKeys = {
  all: ['auth'] as const,
  status: ['auth', 'status'] as const,
};

/** Whether first-run setup is needed and who is logged in; everything else in the SPA hangs off this. */
export function useAuthStatus() {
  return useQuery({
    queryKey: authKeys.status,
    queryFn: () => unwrap(api.GET('/api/v1/auth/status')),
  });
}

/** Creates the first user; the server logs them in, so the auth status is fetched again. */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => unwrap(api.POST('/api/v1/auth/setup', { body: credentials })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.status }),
    // 409: someone finished the setup meanwhile; the status turns this page into the login page.
    onError: (error) => {
      if (error instanceof ApiRequestError && error.status === 409) {
        return queryClient.invalidateQueries({ queryKey: authKeys.status });
      }
    },
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => unwrap(api.POST('/api/v1/auth/login', { body: credentials })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.status }),
    // SETUP_REQUIRED: there is no user yet; the status turns this page into the setup page.
    onError: (error) => {
      if (error instanceof ApiRequestError && error.code === 'SETUP_REQUIRED') {
        return queryClient.invalidateQueries({ queryKey: authKeys.status });
      }
    },
  });
}

/** Ends the session and forgets every cached answer that belonged to it. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      await queryClient.invalidateQueries({ queryKey: authKeys.status });
    },
  });
}

/** The signed-in user, from the auth status that the app is drawn from (so present on every page once logged in). */
export function useCurrentUser(): User | null {
  return useAuthStatus().data?.user ?? null;
}
