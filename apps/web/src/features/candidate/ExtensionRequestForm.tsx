import type { CandidateRequest } from '@oneway/shared';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { candidateErrorMessage } from './candidateErrors.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useCandidateRequest } from './useCandidate.ts';

const dayChoices = [1, 2, 3, 5, 7, 10, 14, 21, 30];
const maxReasonLength = 1000;

/** Asks for more days; the employer's automatic rule may grant them at once. */
export function ExtensionRequestForm({ onSent }: { onSent: (request: CandidateRequest) => void }) {
  const { t } = useTranslation('candidate');
  const request = useCandidateRequest();
  const form = useForm({ days: '3', reason: '' });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (request.isPending) return;
    if (form.values.reason.trim().length > maxReasonLength) {
      form.showIssues([{ field: 'reason', message: t('requests.reasonTooLong') }]);
      return;
    }
    const reason = form.values.reason.trim();
    request.mutate(
      { kind: 'extension', days: Number(form.values.days), ...(reason ? { reason } : {}) },
      {
        onSuccess: (created) => {
          form.reset();
          onSent(created);
        },
        onError: (error) => form.showIssues([{ field: '', message: candidateErrorMessage(t, error) }]),
      },
    );
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit}
      aria-labelledby="extension-heading"
      aria-busy={request.isPending}
    >
      <ErrorSummary
        errors={form.errors}
        formError={form.formError}
        attempt={form.attempt}
        title={t('common.errorTitle')}
      />
      <SelectField
        {...form.bind('days')}
        label={t('requests.daysLabel')}
        options={dayChoices.map((days) => ({
          value: String(days),
          label: t('requests.days', { count: days }),
        }))}
      />
      <TextAreaField
        {...form.bind('reason')}
        label={t('requests.reasonLabel')}
        hint={t('requests.reasonHint')}
        maxLength={maxReasonLength}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {t('requests.submitExtension')}
        </button>
      </div>
    </form>
  );
}
