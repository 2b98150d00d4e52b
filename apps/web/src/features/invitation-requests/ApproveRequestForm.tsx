import type { Accommodations, InvitationRequest } from '@oneway/shared';
import { useEffect, useRef, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { defaultExtendedDeadline, toLocalInputValue } from './describeRequest.ts';
import { useApproveInvitationRequest } from './useInvitationRequests.ts';

interface ApproveRequestFormProps {
  request: InvitationRequest;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const timeOptions = [
  { value: '1', label: 'Usual time' },
  { value: '1.5', label: '1.5x time' },
  { value: '2', label: '2x time' },
  { value: '3', label: '3x time' },
  { value: 'untimed', label: 'Untimed' },
];
const takeOptions = [0, 1, 2, 3, 4, 5].map((n) => ({
  value: String(n),
  label: n === 0 ? 'None' : String(n),
}));
const formatOptions = [
  { value: 'video', label: 'As set (video where asked)' },
  { value: 'audio', label: 'Audio only' },
  { value: 'text', label: 'Written' },
];

/** The terms an approval starts from: the request's days, or the current accommodations with what was asked. */
function initialValues(request: InvitationRequest) {
  const asked = { ...request.currentAccommodations, ...request.accommodations };
  return {
    deadline: toLocalInputValue(defaultExtendedDeadline(request)),
    time: asked.timeMultiplier === null ? 'untimed' : String(asked.timeMultiplier ?? 1),
    extraTakes: String(asked.extraTakes ?? 0),
    format: asked.answerFormat ?? 'video',
  };
}

/** Approves an extension with a chosen deadline, or an accommodation with chosen terms. */
export function ApproveRequestForm({ request, onDone, onCancel }: ApproveRequestFormProps) {
  const approve = useApproveInvitationRequest();
  const form = useForm(initialValues(request));
  const firstField = useRef<HTMLDivElement>(null);
  const isExtension = request.kind === 'extension';

  useEffect(() => firstField.current?.querySelector<HTMLElement>('input, select')?.focus(), []);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (approve.isPending) return;
    let input;
    if (isExtension) {
      const at = new Date(form.values.deadline);
      if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) {
        form.showIssues([{ field: 'deadline', message: 'Choose a date and time in the future' }]);
        return;
      }
      input = { deadline: at.toISOString() };
    } else {
      const accommodations: Accommodations = {
        timeMultiplier: form.values.time === 'untimed' ? null : (Number(form.values.time) as 1 | 1.5 | 2 | 3),
        extraTakes: Number(form.values.extraTakes),
        answerFormat:
          form.values.format === 'audio' || form.values.format === 'text' ? form.values.format : null,
      };
      input = { accommodations };
    }
    approve.mutate(
      { id: request.id, input },
      {
        onSuccess: () =>
          onDone(
            isExtension
              ? `${request.candidateName} has a new deadline; they have been e-mailed.`
              : `Accommodation approved for ${request.candidateName}; they have been e-mailed.`,
          ),
        onError: form.showError,
      },
    );
  }

  return (
    <form
      className="form request-decision"
      noValidate
      onSubmit={handleSubmit}
      aria-label={`Approve the request of ${request.candidateName}`}
      aria-busy={approve.isPending}
    >
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <div ref={firstField} className="request-decision__fields">
        {isExtension ? (
          <TextField
            {...form.bind('deadline')}
            type="datetime-local"
            label="New deadline"
            hint="Your time zone. The candidate sees it in theirs."
          />
        ) : (
          <>
            <SelectField {...form.bind('time')} label="Time" options={timeOptions} />
            <SelectField {...form.bind('extraTakes')} label="Extra takes" options={takeOptions} />
            <SelectField {...form.bind('format')} label="Answer format" options={formatOptions} />
          </>
        )}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small">
          {isExtension ? 'Extend the deadline' : 'Approve accommodation'}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
