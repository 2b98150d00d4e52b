import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { interviewErrorMessage } from './interviewErrors.ts';
import { useRecordingElsewhere } from './recorder.ts';

interface ReadyToRecordProps {
  onStart: () => void;
  isDisabled: boolean;
  /** Why the last start failed (offline, session ended), if it did. */
  error: unknown;
  headingRef: Ref<HTMLHeadingElement> | undefined;
  children: ReactNode;
}

/** Think time is over and recording waits for the candidate: the preview to settle in front of, and Start. */
export function ReadyToRecord({ onStart, isDisabled, error, headingRef, children }: ReadyToRecordProps) {
  const { t } = useTranslation('candidate');
  // Said before Start is pressed: Start would be refused while another tab records.
  const isRecordingElsewhere = useRecordingElsewhere();
  return (
    <section className="candidate-section" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        {t('interview.ready.heading')}
      </h2>
      <p>{t('interview.ready.text')}</p>
      <div role="status">
        {isRecordingElsewhere ? (
          <div className="alert alert--warning">
            <p>{t('interview.engine.otherTab')}</p>
          </div>
        ) : null}
      </div>
      {error ? (
        <div className="alert alert--error" role="alert">
          <p>{interviewErrorMessage(t, error)}</p>
        </div>
      ) : null}
      {children}
      <button
        type="button"
        className="button button--primary button--block interview-after-preview"
        onClick={onStart}
        disabled={isDisabled}
      >
        {t('interview.ready.start')}
      </button>
    </section>
  );
}
