import { unwrap, type Schemas } from '@borgitory/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authKeys } from './auth';
import { api } from './client';

/** A secret pending until a code proves an authenticator app holds it: its otpauth URI, the secret itself and its QR code. */
export type TwoFactorEnrolment = Schemas['TwoFactorEnrolmentDto'];
export type RecoveryCodes = Schemas['RecoveryCodesDto'];
export type TwoFactorCode = Schemas['TwoFactorCodeDto'];
export type TwoFactorDisable = Schemas['TwoFactorDisableDto'];

/** Starts turning two-factor sign-in on: a new pending secret, which replaces any earlier one not confirmed. */
export function useStartTwoFactor() {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/two-factor')),
  });
}

/** Turns it on with a code of the pending secret; answers the recovery codes, this once. The user's status changes. */
export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TwoFactorCode) => unwrap(api.POST('/api/v1/auth/two-factor/confirm', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.status }),
  });
}

/** Turns it off (the password again); the recovery codes are deleted. */
export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TwoFactorDisable) => unwrap(api.DELETE('/api/v1/auth/two-factor', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.status }),
  });
}
