import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { canManageOrganisation, useSignedInSession } from '../auth/useSession.ts';
import { usePageFeedback } from '../../hooks/usePageFeedback.ts';
import { InvitationList } from './InvitationList.tsx';
import { InviteForm } from './InviteForm.tsx';
import { MemberList } from './MemberList.tsx';

export function TeamPage() {
  const headingRef = usePageHeading('Team');
  const session = useSignedInSession();
  const canManage = canManageOrganisation(session);
  const { status, error: actionError, feedback, dismiss } = usePageFeedback();

  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        Team
      </h1>
      <p className="lead">
        Everyone who works on interviews at {session.organisation.name}.
        {canManage ? ' Invite people and choose what each of them can do.' : null}
      </p>
      <PageFeedback status={status} error={actionError} onDismiss={dismiss} />
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
