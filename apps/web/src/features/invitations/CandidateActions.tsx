import type { Invitation, InvitationDetail } from '@oneway/shared';
import { useRef, useState } from 'react';
import { formatDateTime } from '../../lib/formatDate.ts';
import { InlineConfirm } from '../../components/InlineConfirm.tsx';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { toLocalInputValue } from './deadlineInput.ts';
import { ExtendDeadlineForm } from './ExtendDeadlineForm.tsx';
import { useInvitationAction, type InvitationAction } from './invitationMutations.ts';
import { byDelivery, notDelivered, useMailDelivery } from '../auth/mailDelivery.ts';

const weekMs = 7 * 86_400_000;

/** Resend the link, extend the deadline or withdraw; only shown while the invitation is open or expired. */
export function CandidateActions({
  invitation,
  feedback,
}: {
  invitation: InvitationDetail;
  feedback: Feedback;
}) {
  const action = useInvitationAction(invitation.id);
  const delivery = useMailDelivery();
  const [confirming, setConfirming] = useState(false);
  const withdrawRef = useRef<HTMLButtonElement>(null);
  const isExpired = invitation.status === 'expired' || Date.parse(invitation.deadline) <= Date.now();
  // A week past the later of the deadline and now: a usual extension, easy to change.
  const suggested = new Date(Math.max(Date.parse(invitation.deadline), Date.now()) + weekMs).toISOString();

  function run(kind: InvitationAction, done: (changed: Invitation) => string) {
    if (action.isPending) return;
    action.mutate(kind, {
      onSuccess: (changed) => feedback.success(done(changed)),
      onError: feedback.failure,
    });
  }

  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <div className="candidate-actions">
        {isExpired ? (
          <p className="field__hint">
            The deadline has passed, so the link no longer works. Extend the deadline: the candidate gets an
            e-mail with a link.
          </p>
        ) : (
          <div>
            <button
              type="button"
              className="button"
              aria-disabled={action.isPending || undefined}
              aria-describedby="resend-hint"
              onClick={() =>
                run({ kind: 'resend' }, (c) =>
                  byDelivery(
                    delivery,
                    `Invitation sent again to ${c.email}. Earlier links stop working.`,
                    `A new link was made for ${c.email}; its e-mail is ${notDelivered(delivery)}. Earlier links stop working.`,
                  ),
                )
              }
            >
              Resend invitation
            </button>
            <p className="field__hint" id="resend-hint">
              E-mails a new link; earlier links stop working.
            </p>
          </div>
        )}
        <ExtendDeadlineForm
          label="Extend the deadline"
          initialValue={toLocalInputValue(suggested)}
          isPending={action.isPending}
          onExtend={(deadline) =>
            run({ kind: 'extend', deadline }, (c) =>
              byDelivery(
                delivery,
                `Deadline extended to ${formatDateTime(c.deadline)}. The candidate has been e-mailed.`,
                `Deadline extended to ${formatDateTime(c.deadline)}. The e-mail telling the candidate is ${notDelivered(delivery)}.`,
              ),
            )
          }
        />
        <div>
          <button
            ref={withdrawRef}
            type="button"
            className="button button--danger-quiet"
            onClick={() => setConfirming(true)}
          >
            Withdraw
          </button>
        </div>
        {confirming ? (
          <InlineConfirm
            question={`Withdraw the invitation of ${invitation.name}? The link stops working and no reminders go out.`}
            confirmLabel="Yes, withdraw"
            onConfirm={() => {
              setConfirming(false);
              run({ kind: 'withdraw' }, () => {
                // The actions leave the page with the open invitation; start again from the heading.
                document.querySelector<HTMLElement>('h1')?.focus();
                return `${invitation.name}'s invitation is withdrawn.`;
              });
            }}
            onCancel={() => {
              setConfirming(false);
              requestAnimationFrame(() => withdrawRef.current?.focus());
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
