import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TakeFailure } from './recorder.ts';

interface TakeFailurePanelProps {
  failure: TakeFailure;
  /** A fresh take that costs nothing (technical failures only). */
  onFreshTake: () => void;
  /** The question already has an answer the candidate can keep. */
  hasAnswer: boolean;
  onContinue: () => void;
  headingRef: Ref<HTMLHeadingElement> | undefined;
}

/** What went wrong with a take, calmly, and the one thing to do next. */
export function TakeFailurePanel({
  failure,
  onFreshTake,
  hasAnswer,
  onContinue,
  headingRef,
}: TakeFailurePanelProps) {
  const { t } = useTranslation('candidate');
  return (
    <section className="candidate-section" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        {failure.kind === 'technical'
          ? t('interview.failure.technicalHeading')
          : t('interview.failure.heading')}
      </h2>
      <div
        className={`alert ${failure.kind === 'technical' ? 'alert--warning' : 'alert--error'}`}
        role="alert"
      >
        <p>
          {failure.kind === 'technical'
            ? t(`interview.failure.${failure.reason}`)
            : failure.kind === 'no_takes_left'
              ? t('interview.failure.noTakesLeft')
              : t('interview.failure.closed')}
        </p>
      </div>
      {failure.kind === 'technical' ? (
        <button type="button" className="button button--primary button--block" onClick={onFreshTake}>
          {t('interview.failure.recordAgain')}
        </button>
      ) : failure.kind === 'no_takes_left' ? (
        hasAnswer ? (
          <button type="button" className="button button--primary button--block" onClick={onContinue}>
            {t('interview.answered.continue')}
          </button>
        ) : null
      ) : (
        <p>
          <Link to="/interview">{t('interview.failure.backToStart')}</Link>
        </p>
      )}
    </section>
  );
}
