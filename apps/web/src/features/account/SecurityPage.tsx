import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { usePageFeedback } from '../../hooks/usePageFeedback.ts';
import { useSignedInSession } from '../auth/useSession.ts';
import { ChangePasswordSection } from './ChangePasswordSection.tsx';
import { PasskeysSection } from './PasskeysSection.tsx';
import { RecentSignInProvider } from './RecentSignIn.tsx';
import { RecoveryCodesSection } from './RecoveryCodesSection.tsx';
import { TotpSection } from './TotpSection.tsx';
import { useAccountSecurity } from './useAccountSecurity.ts';

/** The signed-in person's own sign-in: password, authenticator app, passkeys and recovery codes. */
export function SecurityPage() {
  const headingRef = usePageHeading('Sign-in and security');
  const session = useSignedInSession();
  const security = useAccountSecurity();
  const { status, error: actionError, feedback, dismiss } = usePageFeedback();

  const data = security.data;
  const hasSecondFactor = data ? data.totp || data.passkeys.length > 0 : false;
  return (
    <RecentSignInProvider>
      <div className="page">
        <h1 ref={headingRef} tabIndex={-1}>
          Sign-in and security
        </h1>
        <p className="lead">How you sign in as {session.user.email}.</p>
        <PageFeedback status={status} error={actionError} onDismiss={dismiss} />
        {data?.secondFactorRequired && !hasSecondFactor ? (
          <p className="alert alert--info">
            {session.organisation.name} requires a second factor: set up an authenticator app or a passkey.
          </p>
        ) : null}
        <ChangePasswordSection session={session} feedback={feedback} />
        {security.isPending ? (
          <Loading />
        ) : security.isError ? (
          <ErrorMessage error={security.error} />
        ) : (
          <>
            <TotpSection security={security.data} feedback={feedback} />
            <PasskeysSection security={security.data} feedback={feedback} />
            {hasSecondFactor ? <RecoveryCodesSection security={security.data} feedback={feedback} /> : null}
          </>
        )}
      </div>
    </RecentSignInProvider>
  );
}
