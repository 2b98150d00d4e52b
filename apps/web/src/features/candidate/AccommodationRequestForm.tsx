import type { CandidateRequest, CandidateRequestInput } from '@oneway/shared';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { candidateErrorMessage } from './candidateErrors.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useCandidateRequest } from './useCandidate.ts';

const maxReasonLength = 1000;
const timeValues = { usual: 1, x1_5: 1.5, x2: 2, x3: 3, untimed: null } as const;
type TimeChoice = keyof typeof timeValues;

/** Asks for more time per question, extra takes or another answer format; the employer decides. */
export function AccommodationRequestForm({ onSent }: { onSent: (request: CandidateRequest) => void }) {
  const { t } = useTranslation('candidate');
  const request = useCandidateRequest();
  const form = useForm({ time: 'usual', extraTakes: '0', format: 'asSet', reason: '' });

  function toInput(): Extract<CandidateRequestInput, { kind: 'accommodation' }> | null {
    const time = timeValues[form.values.time as TimeChoice];
    const extraTakes = Number(form.values.extraTakes);
    const format =
      form.values.format === 'audio' || form.values.format === 'text' ? form.values.format : null;
    if (time === 1 && extraTakes === 0 && format === null) {
      form.showIssues([{ field: 'time', message: t('requests.chooseOne') }]);
      return null;
    }
    const reason = form.values.reason.trim();
    if (reason.length > maxReasonLength) {
      form.showIssues([{ field: 'reason', message: t('requests.reasonTooLong') }]);
      return null;
    }
    return {
      kind: 'accommodation',
      ...(time !== 1 ? { timeMultiplier: time } : {}),
      ...(extraTakes > 0 ? { extraTakes } : {}),
      ...(format ? { answerFormat: format } : {}),
      ...(reason ? { reason } : {}),
    };
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (request.isPending) return;
    const input = toInput();
    if (!input) return;
    request.mutate(input, {
      onSuccess: (created) => {
        form.reset();
        onSent(created);
      },
      onError: (error) => form.showIssues([{ field: '', message: candidateErrorMessage(t, error) }]),
    });
  }

  const timeOptions = (Object.keys(timeValues) as TimeChoice[]).map((value) => ({
    value,
    label: t(`requests.timeOptions.${value}`),
  }));
  const takeOptions = [0, 1, 2, 3].map((n) => ({
    value: String(n),
    label: n === 0 ? t('requests.extraTakesNone') : String(n),
  }));
  const formatOptions = (['asSet', 'audio', 'text'] as const).map((value) => ({
    value,
    label: t(`requests.formatOptions.${value}`),
  }));

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit}
      aria-labelledby="accommodation-heading"
      aria-busy={request.isPending}
    >
      <ErrorSummary
        errors={form.errors}
        formError={form.formError}
        attempt={form.attempt}
        title={t('common.errorTitle')}
      />
      <SelectField {...form.bind('time')} label={t('requests.timeLabel')} options={timeOptions} />
      <SelectField {...form.bind('extraTakes')} label={t('requests.extraTakesLabel')} options={takeOptions} />
      <SelectField {...form.bind('format')} label={t('requests.formatLabel')} options={formatOptions} />
      <TextAreaField
        {...form.bind('reason')}
        label={t('requests.reasonLabel')}
        hint={t('requests.reasonHint')}
        maxLength={maxReasonLength}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {t('requests.submitAccommodation')}
        </button>
      </div>
    </form>
  );
}
