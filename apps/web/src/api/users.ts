import { unwrap, unwrapPage, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authKeys, type User } from './auth';
import { api } from './client';

export type Role = User['role'];
export type NewUser = Schemas['CreateUserDto'];
export type UserChange = Schemas['UpdateUserDto'];

export const USER_PAGE_SIZE = 50;
/** The most users a select offers (the API's page limit). */
const USER_OPTIONS_LIMIT = 200;

export const userKeys = {
  all: ['users'] as const,
  list: (offset: number) => ['users', 'list', { offset, limit: USER_PAGE_SIZE }] as const,
  options: ['users', 'list', { offset: 0, limit: USER_OPTIONS_LIMIT }] as const,
};

/** One page of the users (admins only), by name. */
export function useUsers(offset: number) {
  return useQuery({
    queryKey: userKeys.list(offset),
    queryFn: () => unwrapPage(api.GET('/api/v1/users', { params: { query: { limit: USER_PAGE_SIZE, offset } } })),
    placeholderData: keepPreviousData,
  });
}

/** The users to choose from in the audit log's filter. */
export function useUserOptions() {
  return useQuery({
    queryKey: userKeys.options,
    queryFn: () => unwrapPage(api.GET('/api/v1/users', { params: { query: { limit: USER_OPTIONS_LIMIT, offset: 0 } } })),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => unwrap(api.POST('/api/v1/users', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** Changes a user's name, role or password (a new password ends that user's sessions). */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: UserChange }) =>
      unwrap(api.PUT('/api/v1/users/{id}', { params: { path: { id } }, body: change })),
    // The signed-in admin may have changed themselves: the auth status carries their name and role.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.all }),
        queryClient.invalidateQueries({ queryKey: authKeys.status }),
      ]),
  });
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/v1/users/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
