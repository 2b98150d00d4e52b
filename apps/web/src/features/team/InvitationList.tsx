import type { TeamInvitation } from '@oneway/shared';
import { notDelivered, useMailDelivery } from '../auth/mailDelivery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { formatDate } from '../../lib/formatDate.ts';
import { roleLabels } from '../roles.ts';
import type { Feedback } from '../../lib/feedback.ts';
import { useInvitations, useResendInvitation, useRevokeInvitation } from './useInvitations.ts';

/** Invitations not yet accepted, each with Resend and Revoke. */
export function InvitationList({ feedback }: { feedback: Feedback }) {
  const invitations = useInvitations(true);

  return (
    <section className="panel" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Pending invitations</h2>
      {invitations.isPending ? (
        <Loading />
      ) : invitations.isError ? (
        <ErrorMessage error={invitations.error} />
      ) : invitations.data.length === 0 ? (
        <p className="empty">No invitations waiting. Invite someone below.</p>
      ) : (
        <ul className="item-list">
          {invitations.data.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} feedback={feedback} />
          ))}
        </ul>
      )}
    </section>
  );
}

function InvitationRow({ invitation, feedback }: { invitation: TeamInvitation; feedback: Feedback }) {
  const resend = useResendInvitation();
  const delivery = useMailDelivery();
  const revoke = useRevokeInvitation();
  const isExpired = new Date(invitation.expiresAt).getTime() < Date.now();

  function handleResend() {
    if (resend.isPending) return;
    resend.mutate(invitation.id, {
      onSuccess: () =>
        feedback.success(
          delivery === 'smtp'
            ? `Invitation sent again to ${invitation.email}.`
            : `A new join link for ${invitation.email} was made; its e-mail is ${notDelivered(delivery)}.`,
        ),
      onError: feedback.failure,
    });
  }

  function handleRevoke() {
    if (revoke.isPending) return;
    revoke.mutate(invitation.id, {
      onSuccess: () => feedback.success(`Invitation to ${invitation.email} revoked.`),
      onError: feedback.failure,
    });
  }

  return (
    <li className="item">
      <div className="item__main">
        <p className="item__title break-anywhere">{invitation.email}</p>
        <p className="item__meta">
          <span>{roleLabels[invitation.role]}</span>
          <span>
            {isExpired ? 'Expired' : 'Expires'} {formatDate(invitation.expiresAt)}
          </span>
        </p>
      </div>
      <div className="item__actions">
        <button
          type="button"
          className="button button--small"
          aria-label={`Resend invitation to ${invitation.email}`}
          aria-disabled={resend.isPending || undefined}
          onClick={handleResend}
        >
          Resend
        </button>
        <button
          type="button"
          className="button button--small button--danger-quiet"
          aria-label={`Revoke invitation to ${invitation.email}`}
          aria-disabled={revoke.isPending || undefined}
          onClick={handleRevoke}
        >
          Revoke
        </button>
      </div>
    </li>
  );
}
