import type { InvitationDetail } from '@oneway/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { showSaveError } from '../interviews/fields/formIssues.ts';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { AccommodationFields } from './AccommodationFields.tsx';
import { accommodationFieldRoutes, toAccommodations, toAccommodationValues } from './accommodationValues.ts';
import { describeAccommodations } from './invitationLabels.ts';
import { useInvitationAction } from './invitationMutations.ts';

/** The candidate's accommodations, saved as a whole with PUT. */
export function AccommodationsForm({
  invitation,
  feedback,
}: {
  invitation: InvitationDetail;
  feedback: Feedback;
}) {
  const save = useInvitationAction(invitation.id);
  const form = useForm(toAccommodationValues(invitation.accommodations));
  const saved = JSON.stringify(invitation.accommodations);
  const [shown, setShown] = useState(saved);
  // An approved request may change them elsewhere on the page: show what the server now holds, without
  // remounting (which would lose focus after a save here).
  if (saved !== shown) {
    setShown(saved);
    form.reset(toAccommodationValues(invitation.accommodations));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const accommodations = toAccommodations(form.values);
    save.mutate(
      { kind: 'accommodations', accommodations },
      {
        onSuccess: (changed) =>
          feedback.success(`Accommodations saved: ${describeAccommodations(changed.accommodations)}.`),
        onError: (error) => showSaveError(form, error, accommodationFieldRoutes),
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="accommodations-heading">
      <h2 id="accommodations-heading">Accommodations</h2>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form
        className="form"
        noValidate
        onSubmit={handleSubmit}
        aria-labelledby="accommodations-heading"
        aria-busy={save.isPending}
      >
        <AccommodationFields
          legend="For this candidate"
          time={form.bind('time')}
          extraTakes={form.bind('extraTakes')}
          format={form.bind('format')}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Save accommodations
          </button>
        </div>
      </form>
    </section>
  );
}
