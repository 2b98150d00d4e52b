import {
  changePasswordSchema,
  instanceInvitationPreviewSchema,
  sessionInfoSchema,
  signInResultSchema,
  signUpPolicySchema,
  signUpResultSchema,
  type ChangePasswordInput,
  type SessionInfo,
  type SignInInput,
  type SignInResult,
  type SignUpInput,
  type SignUpResult,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { setFlashNotice } from './flashNotice.ts';
import { rememberSession } from './useSession.ts';

/** A session, not a wait for a confirmation or a further sign-in step. */
export const isSession = (result: SignUpResult | SignInResult): result is SessionInfo => 'user' in result;

/** Signs up: the session at once (an invitation, the first account), or a wait for the e-mailed confirmation. */
export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignUpInput) =>
      requestApi('/auth/signup', { method: 'POST', body: input, schema: signUpResultSchema }),
    onSuccess: (result: SignUpResult) => {
      if (isSession(result)) rememberSession(queryClient, result);
    },
  });
}

/** Confirms a sign-up from its e-mailed link: the organisation is created and its owner signed in. */
export function useConfirmSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      requestApi('/auth/signup/confirm', { method: 'POST', body: { token }, schema: sessionInfoSchema }),
    onSuccess: (session: SessionInfo) => rememberSession(queryClient, session),
  });
}

/** Who may create an organisation here. */
export function useSignUpPolicy() {
  return useQuery({
    queryKey: ['signup-policy'],
    queryFn: ({ signal }) => requestApi('/auth/signup-policy', { schema: signUpPolicySchema, signal }),
    staleTime: 60_000,
  });
}

/** The address an invitation to create an organisation is for. */
export function useInstanceInvitationPreview(token: string | null) {
  return useQuery({
    queryKey: ['instance-invitation', token],
    enabled: token !== null,
    retry: false,
    queryFn: ({ signal }) =>
      requestApi(`/instance-invitations/preview?token=${encodeURIComponent(token ?? '')}`, {
        schema: instanceInvitationPreviewSchema,
        signal,
      }),
  });
}

/** Signs in with the password: the session, or the next step (a second factor, or setting one up). */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) =>
      requestApi('/auth/signin', { method: 'POST', body: input, schema: signInResultSchema }),
    onSuccess: (result: SignInResult) => {
      if (isSession(result)) rememberSession(queryClient, result);
    },
  });
}

/** Changes the password while signed in; every other session ends. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordInput) =>
      requestApi('/account/password', { method: 'POST', body: changePasswordSchema.parse(input) }),
  });
}

/** Signs out this browser, or every browser when `everywhere` is true; RequireSession then shows sign in. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) =>
      requestApi(everywhere ? '/auth/signout-everywhere' : '/auth/signout', { method: 'POST' }),
    onSuccess: (_result, everywhere) => {
      setFlashNotice(everywhere ? 'You have been signed out on every device.' : 'You have signed out.');
      rememberSession(queryClient, null);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: { email: string }) =>
      requestApi('/auth/password-reset', { method: 'POST', body: input }),
  });
}

export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      requestApi('/auth/password-reset/complete', { method: 'POST', body: input }),
  });
}
