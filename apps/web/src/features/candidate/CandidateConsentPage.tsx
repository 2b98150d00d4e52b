import type { ConsentNotice } from '@oneway/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasErrorCode } from '../../api/errorMessages.ts';
import { Loading } from '../../components/Loading.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { candidateErrorMessage } from './candidateErrors.ts';
import { useConsentNotice, useSubmitConsent } from './consent/useConsent.ts';
import { canKeepAfter, LoadFailure } from './LoadFailure.tsx';
import { useCandidateLanding } from './useCandidate.ts';
import { useShownLanguage } from './useShownLanguage.ts';

/**
 * The recording notice, word for word as the server stores it, in the language the pages show, and the candidate's
 * agreement to it.
 */
export function CandidateConsentPage() {
  const { t } = useTranslation('candidate');
  const headingRef = usePageHeading(t('consent.title'));
  // The layout takes the interview's language, company and colour from the landing page, also after a reload here;
  // the notice waits for it, so it comes in the language the page settles on rather than the browser's first.
  const landing = useCandidateLanding();
  const notice = useConsentNotice(useShownLanguage(), landing.data !== undefined || landing.isError);
  return (
    <div className="candidate-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('consent.title')}
      </h1>
      {/* A failed refresh keeps the notice being read: only a notice that never loaded shows the failure. */}
      {notice.data && canKeepAfter(notice.error) ? (
        <ConsentForm notice={notice.data} />
      ) : notice.isError ? (
        <LoadFailure
          error={notice.error}
          message={candidateErrorMessage(t, notice.error)}
          onRetry={() => void notice.refetch()}
        />
      ) : (
        <Loading label={t('common.loading')} />
      )}
    </div>
  );
}

function ConsentForm({ notice }: { notice: ConsentNotice }) {
  const { t } = useTranslation('candidate');
  const navigate = useNavigate();
  const submit = useSubmitConsent();
  const [agreed, setAgreed] = useState(false);
  const [showRequired, setShowRequired] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!agreed) {
      setShowRequired(true);
      return;
    }
    submit.mutate(
      { language: notice.language, noticeVersion: notice.version, noticeHash: notice.hash },
      { onSuccess: () => void navigate('/interview/device-check') },
    );
  };

  const changed = hasErrorCode(submit.error, 'validation_failed');
  return (
    <>
      <p className="lead">{t('consent.intro')}</p>
      <section className="candidate-section" aria-labelledby="notice-heading">
        <h2 id="notice-heading">{t('consent.noticeHeading')}</h2>
        {notice.text.split('\n\n').map((paragraph) => (
          <p key={paragraph} className="candidate-text">
            {paragraph}
          </p>
        ))}
      </section>
      <form className="candidate-continue" onSubmit={onSubmit} noValidate>
        {submit.isError ? (
          <div className="alert alert--error" role="alert">
            <p>{changed ? t('consent.changed') : candidateErrorMessage(t, submit.error)}</p>
          </div>
        ) : null}
        <div className={`checkbox-field${showRequired && !agreed ? ' field--invalid' : ''}`}>
          <input
            id="consent-agree"
            type="checkbox"
            className="checkbox"
            checked={agreed}
            onChange={(e) => setAgreed(e.target.checked)}
            aria-describedby={showRequired && !agreed ? 'consent-agree-error' : undefined}
            aria-invalid={showRequired && !agreed ? true : undefined}
          />
          <label htmlFor="consent-agree" className="checkbox-field__label">
            {t('consent.checkbox')}
          </label>
          {showRequired && !agreed ? (
            <p id="consent-agree-error" className="field__error checkbox-field__hint">
              {t('consent.required')}
            </p>
          ) : null}
        </div>
        {notice.consentedAt ? <p>{t('consent.alreadyAgreed')}</p> : null}
        <p>
          <button type="submit" className="button button--primary button--block" disabled={submit.isPending}>
            {submit.isPending ? t('consent.saving') : t('consent.submit')}
          </button>
        </p>
        <p>
          <Link to="/interview">{t('consent.back')}</Link>
        </p>
      </form>
    </>
  );
}
