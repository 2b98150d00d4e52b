import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { interviewErrorMessage } from './interviewErrors.ts';
import type { RecoverableTake } from './recorder.ts';

interface RecoveryOfferProps {
  take: RecoverableTake;
  onUse: () => void;
  onFresh: () => void;
  isBusy: boolean;
  error: unknown;
  /** Why the offer is made now, when it follows a failed upload rather than a reload. */
  notice?: string;
  headingRef: Ref<HTMLHeadingElement> | undefined;
}

/**
 * After a reload or crash mid-answer, or an upload that failed for good: the seconds kept on this device, or a
 * fresh take that costs nothing.
 */
export function RecoveryOffer({
  take,
  onUse,
  onFresh,
  isBusy,
  error,
  notice,
  headingRef,
}: RecoveryOfferProps) {
  const { t } = useTranslation('candidate');
  return (
    <section className="candidate-section" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        {t('interview.recovery.heading')}
      </h2>
      {notice ? (
        <div className="alert alert--warning" role="alert">
          <p>{notice}</p>
        </div>
      ) : null}
      <p className="lead">{t('interview.recovery.kept', { count: Math.round(take.seconds) })}</p>
      <p>{t('interview.recovery.choice')}</p>
      {error ? (
        <div className="alert alert--error" role="alert">
          <p>{interviewErrorMessage(t, error)}</p>
        </div>
      ) : null}
      <div className="interview-actions">
        <button type="button" className="button button--primary" onClick={onUse} disabled={isBusy}>
          {t('interview.recovery.use')}
        </button>
        <button type="button" className="button" onClick={onFresh} disabled={isBusy}>
          {t('interview.recovery.fresh')}
        </button>
      </div>
      <p className="candidate-hint">{t('interview.recovery.freshHint')}</p>
    </section>
  );
}
