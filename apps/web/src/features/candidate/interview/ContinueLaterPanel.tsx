import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserTimeZone, formatDateTime } from '../candidateFormat.ts';
import { interviewErrorMessage } from './interviewErrors.ts';
import { useRequestContinueCode } from './useCandidateInterview.ts';

/** Pausing: come back before the deadline with the same link, or continue on another device with an e-mailed code. */
export function ContinueLaterPanel({ deadline }: { deadline: string }) {
  const { t, i18n } = useTranslation('candidate');
  const [isOpen, setIsOpen] = useState(false);
  const code = useRequestContinueCode();
  const continueUrl = `${window.location.origin}/continue`;
  return (
    <section className="interview-later" aria-label={t('interview.later.region')}>
      <button
        type="button"
        className="button interview-later__toggle"
        aria-expanded={isOpen}
        aria-controls="later-panel"
        onClick={() => setIsOpen(!isOpen)}
      >
        {t('interview.later.toggle')}
      </button>
      <div id="later-panel" className="interview-later__panel" hidden={!isOpen}>
        <p>
          {t('interview.later.sameLink', {
            date: formatDateTime(deadline, i18n.language, browserTimeZone()),
          })}
        </p>
        <p>{t('interview.later.kept')}</p>
      </div>
      <p className="candidate-hint" id="device-hint">
        {t('interview.later.deviceIntro')}
      </p>
      <div role="status">
        {code.isSuccess ? (
          <div className="alert alert--success">
            <p>{t('interview.later.sent', { url: continueUrl })}</p>
          </div>
        ) : null}
      </div>
      {code.isError ? (
        <div className="alert alert--error" role="alert">
          <p>{interviewErrorMessage(t, code.error)}</p>
        </div>
      ) : null}
      <button
        type="button"
        className="button"
        onClick={() => code.mutate()}
        disabled={code.isPending}
        aria-describedby="device-hint"
      >
        {t('interview.later.device')}
      </button>
    </section>
  );
}
