import { inviteMemberSchema } from '@oneway/shared';
import { notDelivered, useMailDelivery } from '../auth/mailDelivery.ts';
import type { FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { roleDescriptions, roleOptions } from '../roles.ts';
import type { Feedback } from '../../lib/feedback.ts';
import { useInviteMember } from './useInvitations.ts';

/** Invites one person by e-mail with a role. */
export function InviteForm({ feedback }: { feedback: Feedback }) {
  const invite = useInviteMember();
  const delivery = useMailDelivery();
  const form = useForm({ email: '', role: 'recruiter' });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (invite.isPending) return;
    const input = form.validate(inviteMemberSchema);
    if (!input) return;
    invite.mutate(input, {
      onSuccess: (invitation) => {
        form.reset({ email: '', role: form.values.role });
        feedback.success(
          delivery === 'smtp'
            ? `Invitation sent to ${invitation.email}.`
            : `${invitation.email} is invited. The e-mail with the join link is ${notDelivered(delivery)}: open it there to pass the link on now.`,
        );
      },
      onError: form.showError,
    });
  }

  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form
        className="form form--inline"
        noValidate
        onSubmit={handleSubmit}
        aria-labelledby="invite-heading"
        aria-busy={invite.isPending}
      >
        <TextField
          {...form.bind('email')}
          label="E-mail"
          type="email"
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField {...form.bind('role')} label="Role" options={roleOptions} hint={<RoleHint />} />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Send invitation
          </button>
        </div>
      </form>
      <p className="hint">
        No mail server configured? Invitation e-mails wait in the outbox (see the main menu).
      </p>
    </section>
  );
}

function RoleHint() {
  return (
    <span className="role-hint">
      {Object.values(roleDescriptions).map((description) => (
        <span key={description}>{description}</span>
      ))}
    </span>
  );
}
