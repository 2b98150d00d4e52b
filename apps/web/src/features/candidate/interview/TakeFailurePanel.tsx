import type { TFunction } from 'i18next';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TakeFailure } from './recorder.ts';
import { RecoveryOffer } from './RecoveryOffer.tsx';
import type { useRecovery } from './useRecovery.ts';

interface TakeFailurePanelProps {
  failure: TakeFailure;
  /** A fresh take that costs nothing (technical failures only). */
  onFreshTake: () => void;
  /** The question already has an answer the candidate can keep. */
  hasAnswer: boolean;
  onContinue: () => void;
  /** Using or discarding a recording kept on this device (offered when its upload failed for good). */
  recovery?: ReturnType<typeof useRecovery>;
  headingRef: Ref<HTMLHeadingElement> | undefined;
}

/** The heading and the sentence for a failure, in the page's language. */
function wordsOf(t: TFunction<'candidate'>, failure: TakeFailure): { heading: string; message: string } {
  switch (failure.kind) {
    case 'technical':
      return {
        heading: t('interview.failure.technicalHeading'),
        message: t(`interview.failure.${failure.reason}`),
      };
    case 'no_takes_left':
      return { heading: t('interview.failure.heading'), message: t('interview.failure.noTakesLeft') };
    case 'closed':
      return { heading: t('interview.failure.heading'), message: t('interview.failure.closed') };
    case 'other_tab':
      return { heading: t('interview.engine.otherTabHeading'), message: t('interview.engine.otherTab') };
    case 'taken_over':
      return { heading: t('interview.engine.takenOverHeading'), message: t('interview.engine.takenOver') };
  }
}

/** What went wrong with a take, calmly, and the one thing to do next. */
export function TakeFailurePanel(props: TakeFailurePanelProps) {
  const { failure, onFreshTake, hasAnswer, onContinue, recovery, headingRef } = props;
  const { t } = useTranslation('candidate');
  // The upload failed for good but the whole recording is kept here: offer it before a fresh take.
  if (
    failure.kind === 'technical' &&
    failure.reason === 'upload_refused' &&
    failure.recoverable &&
    recovery
  ) {
    return (
      <RecoveryOffer
        take={failure.recoverable}
        {...recovery}
        notice={t('interview.engine.uploadFailed')}
        headingRef={headingRef}
      />
    );
  }
  const isTechnical = failure.kind === 'technical';
  const words = wordsOf(t, failure);
  return (
    <section className="candidate-section" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        {words.heading}
      </h2>
      <div
        className={`alert ${isTechnical || failure.kind === 'other_tab' ? 'alert--warning' : 'alert--error'}`}
        role="alert"
      >
        <p>{words.message}</p>
      </div>
      {isTechnical ? (
        <button type="button" className="button button--primary button--block" onClick={onFreshTake}>
          {t('interview.failure.recordAgain')}
        </button>
      ) : failure.kind === 'other_tab' ? (
        <button type="button" className="button button--primary button--block" onClick={onFreshTake}>
          {t('interview.engine.tryAgain')}
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
