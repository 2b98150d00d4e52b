import { createInvitationSchema, type Interview } from '@oneway/shared';
import type { FormEvent } from 'react';
import { hasErrorCode, getErrorMessage } from '../../api/errorMessages.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { createFormSchema, showSaveError, type FormIssue } from '../interviews/fields/formIssues.ts';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { AccommodationFields } from './AccommodationFields.tsx';
import { accommodationFieldRoutes, toAccommodations, toAccommodationValues } from './accommodationValues.ts';
import { checkZonedDeadline, describeInterviewTimeZone, parseZonedDeadline } from './deadlineInput.ts';
import { describeDefaultDeadline } from './invitationLabels.ts';
import { useCreateInvitation } from './invitationMutations.ts';
import { byDelivery, notDelivered, useMailDelivery } from '../auth/mailDelivery.ts';

const initialValues = {
  name: '',
  email: '',
  phone: '',
  externalId: '',
  deadline: '',
  ...toAccommodationValues(),
};
type Values = typeof initialValues;

/** The form's values as the API takes them; the deadline is read in the interview's time zone, as CSVs are. */
function toInput(values: Values, timeZone: string) {
  const issues: FormIssue[] = [];
  const deadlineProblem = values.deadline ? checkZonedDeadline(values.deadline, timeZone) : null;
  if (deadlineProblem) issues.push({ field: 'deadline', message: deadlineProblem });
  const input = {
    name: values.name,
    email: values.email,
    phone: values.phone.trim() || null,
    externalId: values.externalId.trim() || null,
    ...(values.deadline ? { deadline: parseZonedDeadline(values.deadline, timeZone) ?? '' } : {}),
    accommodations: toAccommodations(values),
  };
  return { input, issues };
}

const inviteSchemaIn = (timeZone: string) =>
  createFormSchema(
    (values: Values) => toInput(values, timeZone),
    createInvitationSchema,
    accommodationFieldRoutes,
  );

/** Invites one candidate: who, when by, and any accommodations granted up front. */
export function InviteCandidateForm({ interview, feedback }: { interview: Interview; feedback: Feedback }) {
  const create = useCreateInvitation(interview.id);
  const form = useForm(initialValues);
  const delivery = useMailDelivery();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const input = form.validate(inviteSchemaIn(interview.timeZone));
    if (!input) return;
    create.mutate(input, {
      onSuccess: (invitation) => {
        form.reset();
        feedback.success(
          byDelivery(
            delivery,
            `Invitation sent to ${invitation.name} (${invitation.email}).`,
            `${invitation.name} is invited. Their e-mail is ${notDelivered(delivery)}: use “Copy link” in the list to give them their link.`,
          ),
        );
      },
      onError: (error) => {
        if (hasErrorCode(error, 'invitation_exists')) {
          form.showIssues([{ field: 'email', message: getErrorMessage(error) }]);
        } else {
          showSaveError(form, error, accommodationFieldRoutes);
        }
      },
    });
  }

  return (
    <section className="panel" aria-labelledby="invite-candidate-heading">
      <h2 id="invite-candidate-heading">Invite a candidate</h2>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form
        className="form"
        noValidate
        onSubmit={handleSubmit}
        aria-labelledby="invite-candidate-heading"
        aria-busy={create.isPending}
      >
        <TextField {...form.bind('name')} label="Name" autoComplete="off" />
        <TextField
          {...form.bind('email')}
          label="E-mail"
          type="email"
          autoComplete="off"
          spellCheck={false}
        />
        <div className="field-row">
          <TextField {...form.bind('phone')} label="Phone (optional)" type="tel" autoComplete="off" />
          <TextField {...form.bind('externalId')} label="External ID (optional)" autoComplete="off" />
        </div>
        <TextField
          {...form.bind('deadline')}
          label="Deadline (optional)"
          type="datetime-local"
          hint={`${describeDefaultDeadline(interview.deadlinePolicy)} ${describeInterviewTimeZone(interview.timeZone)}`}
          className="field--datetime"
        />
        <AccommodationFields
          legend="Accommodations (optional)"
          time={form.bind('time')}
          extraTakes={form.bind('extraTakes')}
          format={form.bind('format')}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {delivery === 'smtp' ? 'Send invitation' : 'Invite'}
          </button>
        </div>
      </form>
    </section>
  );
}
