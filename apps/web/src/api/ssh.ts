import { unwrap, type Schemas } from '@borgitory/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export type SshPublicKey = Schemas['SshPublicKeyDto'];

export const sshKeys = { publicKey: ['ssh', 'public-key'] as const };

/** Borgitory's own ssh public key; the server makes it the first time it is asked for. */
export function useSshPublicKey(enabled = true) {
  return useQuery({
    queryKey: sshKeys.publicKey,
    queryFn: () => unwrap(api.GET('/api/v1/ssh/public-key')),
    enabled,
    staleTime: Infinity,
  });
}
