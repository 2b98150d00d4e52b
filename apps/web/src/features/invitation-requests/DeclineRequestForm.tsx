import type { InvitationRequest } from '@oneway/shared';
import { useEffect, useRef, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useDeclineInvitationRequest } from './useInvitationRequests.ts';

interface DeclineRequestFormProps {
  request: InvitationRequest;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Declines with an optional note, which the candidate receives by e-mail. */
export function DeclineRequestForm({ request, onDone, onCancel }: DeclineRequestFormProps) {
  const decline = useDeclineInvitationRequest();
  const form = useForm({ message: '' });
  const fieldRef = useRef<HTMLDivElement>(null);

  useEffect(() => fieldRef.current?.querySelector('textarea')?.focus(), []);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (decline.isPending) return;
    const message = form.values.message.trim();
    if (message.length > 1000) {
      form.showIssues([{ field: 'message', message: 'Keep the message under 1000 characters' }]);
      return;
    }
    decline.mutate(
      { id: request.id, input: message ? { message } : {} },
      {
        onSuccess: () => onDone(`Request declined; ${request.candidateName} has been e-mailed.`),
        onError: form.showError,
      },
    );
  }

  return (
    <form
      className="form request-decision"
      noValidate
      onSubmit={handleSubmit}
      aria-label={`Decline the request of ${request.candidateName}`}
      aria-busy={decline.isPending}
    >
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <div ref={fieldRef}>
        <TextAreaField
          {...form.bind('message')}
          label="Message to the candidate (optional)"
          hint="Sent in a short e-mail with the decision."
          maxLength={1000}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--danger button--small">
          Decline request
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
