import {
  sessionInfoSchema,
  signedInWithRecoveryCodesSchema,
  ssoAvailabilitySchema,
  ssoRedirectSchema,
  totpSetupSchema,
  type SessionInfo,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { answerWithPasskey, createPasskey } from './passkeyBrowser.ts';
import { rememberSession } from './useSession.ts';

/** The second step with a code: from the authenticator app, or a recovery code. */
export function useSignInWithCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { method: 'totp' | 'recovery-code'; code: string }) =>
      requestApi(`/auth/signin/${input.method}`, {
        method: 'POST',
        body: { code: input.code },
        schema: sessionInfoSchema,
      }),
    onSuccess: (session: SessionInfo) => rememberSession(queryClient, session),
  });
}

/** Signing in with a passkey: the second step after the password, or on its own. */
export function usePasskeySignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const response = await answerWithPasskey('/auth/signin/passkey/options');
      return requestApi('/auth/signin/passkey', {
        method: 'POST',
        body: { response },
        schema: sessionInfoSchema,
      });
    },
    onSuccess: (session: SessionInfo) => rememberSession(queryClient, session),
  });
}

/** Setting up a required second factor during sign-in: the authenticator app's secret. */
export function useStartEnrolmentTotp() {
  return useMutation({
    mutationFn: () => requestApi('/auth/signin/set-up/totp', { method: 'POST', schema: totpSetupSchema }),
  });
}

/** Confirms the app set up during sign-in; the session is remembered once the recovery codes were seen. */
export function useConfirmEnrolmentTotp() {
  return useMutation({
    mutationFn: (code: string) =>
      requestApi('/auth/signin/set-up/totp/confirm', {
        method: 'POST',
        body: { code },
        schema: signedInWithRecoveryCodesSchema,
      }),
  });
}

/** Creates a passkey during sign-in, as the required second factor. */
export function useEnrolmentPasskey() {
  return useMutation({
    mutationFn: async (name: string) => {
      const response = await createPasskey('/auth/signin/set-up/passkey/options');
      return requestApi('/auth/signin/set-up/passkey', {
        method: 'POST',
        body: { response, name },
        schema: signedInWithRecoveryCodesSchema,
      });
    },
  });
}

/** Starts single sign-on for an address and sends the browser to the organisation's provider. */
export function useStartSso() {
  return useMutation({
    mutationFn: (email: string) =>
      requestApi('/auth/sso/start', { method: 'POST', body: { email }, schema: ssoRedirectSchema }),
    onSuccess: ({ redirectUrl }) => window.location.assign(redirectUrl),
  });
}

/** Whether any organisation here signs in with a provider; the sign-in page offers single sign-on only then. */
export function useSsoAvailability() {
  return useQuery({
    queryKey: ['sso-available'],
    queryFn: ({ signal }) => requestApi('/auth/sso/available', { schema: ssoAvailabilitySchema, signal }),
    staleTime: 60_000,
  });
}
