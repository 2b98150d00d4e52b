import {
  accountSecuritySchema,
  addedPasskeySchema,
  recoveryCodesSchema,
  totpSetupSchema,
  type AccountSecurity,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { createPasskey } from '../auth/passkeyBrowser.ts';
import { useWithRecentSignIn } from './RecentSignIn.tsx';

export const accountSecurityQueryKey = ['account-security'] as const;

/** How the signed-in person signs in: password, authenticator app, recovery codes left, passkeys. */
export function useAccountSecurity() {
  return useQuery<AccountSecurity>({
    queryKey: accountSecurityQueryKey,
    queryFn: ({ signal }) => requestApi('/account/security', { schema: accountSecuritySchema, signal }),
  });
}

/**
 * A change to how one signs in, which reloads the security overview once it worked. The password is asked again
 * first when the sign-in is not recent (see RecentSignIn.tsx).
 */
function useSecurityMutation<I, R>(mutationFn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  const withRecentSignIn = useWithRecentSignIn();
  return useMutation({
    mutationFn: (input: I) => withRecentSignIn(() => mutationFn(input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountSecurityQueryKey }),
  });
}

/** A new authenticator app's secret; nothing changes until it is confirmed with a code. */
export const useStartTotpSetup = () =>
  useSecurityMutation(() => requestApi('/account/totp', { method: 'POST', schema: totpSetupSchema }));

/** Confirms the app; answers the recovery codes once when it is the first second factor (else none). */
export const useConfirmTotp = () =>
  useSecurityMutation((code: string) =>
    requestApi('/account/totp/confirm', { method: 'POST', body: { code }, schema: recoveryCodesSchema }),
  );

export const useRemoveTotp = () =>
  useSecurityMutation(() => requestApi('/account/totp', { method: 'DELETE' }));

/** New recovery codes; the old ones stop working. */
export const useRenewRecoveryCodes = () =>
  useSecurityMutation(() =>
    requestApi('/account/recovery-codes', { method: 'POST', schema: recoveryCodesSchema }),
  );

/** Creates a passkey in the browser and keeps it on the account. */
export const useAddPasskey = () =>
  useSecurityMutation(async (name: string) => {
    const response = await createPasskey('/account/passkeys/options');
    return requestApi('/account/passkeys', {
      method: 'POST',
      body: { response, name },
      schema: addedPasskeySchema,
    });
  });

export const useRemovePasskey = () =>
  useSecurityMutation((id: string) =>
    requestApi(`/account/passkeys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );
