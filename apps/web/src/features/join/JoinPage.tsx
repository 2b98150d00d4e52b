import { acceptTeamInvitationSchema } from '@oneway/shared';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { roleLabels } from '../roles.ts';
import { JoinForm } from './JoinForm.tsx';
import { useTeamInvitationPreview } from './useTeamInvitation.ts';

export function JoinPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const preview = useTeamInvitationPreview(token);
  const invitation = preview.data;
  const title = invitation
    ? `Join ${invitation.organisationName} as ${roleLabels[invitation.role]}`
    : 'Join a team';
  const headingRef = usePageHeading(title);
  const tokenLooksValid = acceptTeamInvitationSchema.shape.token.safeParse(token).success;

  return (
    <div className="auth-card">
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {!tokenLooksValid ? (
        <p className="alert alert--error" role="alert">
          This page needs the link from your invitation e-mail.
        </p>
      ) : preview.isPending ? (
        <Loading label="Checking your invitation…" />
      ) : preview.isError ? (
        <ErrorMessage error={preview.error}>
          <p>
            <Link to="/signin">Go to sign in</Link>
          </p>
        </ErrorMessage>
      ) : invitation ? (
        <JoinForm token={token} invitation={invitation} />
      ) : null}
    </div>
  );
}
