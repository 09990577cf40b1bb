import { ApiRequestError, unwrap, type Schemas } from '@borgitory/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export type Health = Schemas['HealthDto'];

export const healthKeys = { all: ['health'] as const };

/**
 * The server's health. An unhealthy server answers 503 with the same report in
 * the error's details, so that answer is returned as data rather than thrown.
 */
export function useHealth() {
  return useQuery({
    queryKey: healthKeys.all,
    queryFn: async (): Promise<Health> => {
      try {
        return await unwrap(api.GET('/api/v1/health'));
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 503 && isHealth(error.details)) return error.details;
        throw error;
      }
    },
  });
}

function isHealth(value: unknown): value is Health {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Health>;
  return typeof candidate.version === 'string' && typeof candidate.database?.ok === 'boolean' && typeof candidate.borg?.ok === 'boolean';
}
