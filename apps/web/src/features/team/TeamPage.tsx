import { useMemo, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { canManageOrganisation, useSignedInSession } from '../auth/useSession.ts';
import type { Feedback } from '../../lib/feedback.ts';
import { InvitationList } from './InvitationList.tsx';
import { InviteForm } from './InviteForm.tsx';
import { MemberList } from './MemberList.tsx';

export function TeamPage() {
  const headingRef = usePageHeading('Team');
  const session = useSignedInSession();
  const canManage = canManageOrganisation(session);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  const feedback = useMemo<Feedback>(
    () => ({
      success: (message) => {
        setActionError(null);
        setStatus(message);
      },
      failure: (error) => {
        setStatus(null);
        setActionError(error);
      },
    }),
    [],
  );

  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        Team
      </h1>
      <p className="lead">
        Everyone who works on interviews at {session.organisation.name}.
        {canManage ? ' Invite people and choose what each of them can do.' : null}
      </p>
      <div className="page-feedback">
        <StatusMessage message={status} />
        <ErrorMessage error={actionError} />
      </div>
      <MemberList session={session} canManage={canManage} feedback={feedback} />
      {canManage ? (
        <>
          <InvitationList feedback={feedback} />
          <InviteForm feedback={feedback} />
        </>
      ) : null}
    </div>
  );
}
