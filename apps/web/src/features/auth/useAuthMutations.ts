import { sessionInfoSchema, type SessionInfo, type SignInInput, type SignUpInput } from '@oneway/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { setFlashNotice } from './flashNotice.ts';
import { rememberSession } from './useSession.ts';

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignUpInput) =>
      requestApi('/auth/signup', { method: 'POST', body: input, schema: sessionInfoSchema }),
    onSuccess: (session: SessionInfo) => rememberSession(queryClient, session),
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) =>
      requestApi('/auth/signin', { method: 'POST', body: input, schema: sessionInfoSchema }),
    onSuccess: (session: SessionInfo) => rememberSession(queryClient, session),
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
