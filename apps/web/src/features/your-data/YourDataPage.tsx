import type { CandidateData } from '@oneway/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasErrorCode } from '../../api/errorMessages.ts';
import { Loading } from '../../components/Loading.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { candidateErrorMessage } from '../candidate/candidateErrors.ts';
import { browserTimeZone, formatDateTime, formatDay } from '../candidate/candidateFormat.ts';
import { useCandidateLanding } from '../candidate/useCandidate.ts';
import { ErasureSection } from './ErasureSection.tsx';
import { exportUrl, useWithdrawConsent, useYourData } from './useYourData.ts';
import './your-data.css';

/** /your-data — everything the employer holds about the candidate, to download, withdraw consent or erase. */
export function YourDataPage() {
  const { t } = useTranslation('candidate');
  const headingRef = usePageHeading(t('yourData.title'));
  // The landing brings the interview's language and the company's name and logo to the layout.
  useCandidateLanding();
  const data = useYourData();
  const noSession =
    hasErrorCode(data.error, 'candidate_session_invalid') || hasErrorCode(data.error, 'invitation_withdrawn');
  return (
    <div className="candidate-page your-data">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('yourData.title')}
      </h1>
      {data.isPending ? (
        <Loading label={t('yourData.loading')} />
      ) : data.isError ? (
        <div className="alert alert--error" role="alert">
          <p>{noSession ? t('yourData.noSession') : candidateErrorMessage(t, data.error)}</p>
        </div>
      ) : (
        <YourData data={data.data} />
      )}
    </div>
  );
}

function YourData({ data }: { data: CandidateData }) {
  const { t, i18n } = useTranslation('candidate');
  const company = data.companyName;
  const date = (iso: string) => formatDateTime(iso, i18n.language, browserTimeZone());
  return (
    <>
      <p className="candidate-calm">{t('yourData.intro', { company, interview: data.interviewTitle })}</p>
      <section className="candidate-section" aria-labelledby="held-heading">
        <h2 id="held-heading">{t('yourData.heldHeading', { company })}</h2>
        <dl className="your-data__facts">
          <Fact term={t('yourData.name')} value={data.name} />
          <Fact term={t('yourData.email')} value={data.email} />
          <Fact term={t('yourData.phone')} value={data.phone ?? t('yourData.notGiven')} />
          <Fact term={t('yourData.timeZone')} value={data.timeZone ?? t('yourData.notGiven')} />
          <Fact term={t('yourData.recordings')} value={String(data.recordings)} />
          <Fact term={t('yourData.textAnswers')} value={String(data.textAnswers)} />
          <Fact
            term={t('yourData.consent')}
            value={
              data.consentedAt
                ? t('yourData.consentGiven', { date: date(data.consentedAt) })
                : data.consentWithdrawnAt
                  ? t('yourData.consentWithdrawn', { date: date(data.consentWithdrawnAt) })
                  : t('yourData.notGiven')
            }
          />
        </dl>
      </section>
      <section className="candidate-section" aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t('yourData.retentionHeading')}</h2>
        <p>
          {data.retentionDays === null
            ? t('yourData.retentionKeep', { company })
            : t('yourData.retentionDays', { company, days: data.retentionDays })}
          {data.retentionEraseAt
            ? ` ${t('yourData.retentionOn', { date: formatDay(data.retentionEraseAt, i18n.language, browserTimeZone()) })}`
            : null}
        </p>
      </section>
      <section className="candidate-section" aria-labelledby="download-heading">
        <h2 id="download-heading">{t('yourData.downloadHeading')}</h2>
        <p>{t('yourData.downloadIntro')}</p>
        <p>
          <a className="button button--primary" href={exportUrl} download="your-data.zip">
            {t('yourData.download')}
          </a>
        </p>
      </section>
      {data.canWithdrawConsent ? <WithdrawSection /> : null}
      <ErasureSection data={data} />
      <p className="your-data__back">
        <Link to="/interview">{t('yourData.back')}</Link>
      </p>
    </>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd className="break-anywhere">{value}</dd>
    </div>
  );
}

function WithdrawSection() {
  const { t } = useTranslation('candidate');
  const withdraw = useWithdrawConsent();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="candidate-section" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">{t('yourData.withdrawHeading')}</h2>
      <p>{t('yourData.withdrawIntro')}</p>
      {withdraw.isError ? (
        <div className="alert alert--error" role="alert">
          <p>{candidateErrorMessage(t, withdraw.error)}</p>
        </div>
      ) : null}
      {confirming ? (
        <div className="your-data__confirm" role="group" aria-labelledby="withdraw-question">
          <p id="withdraw-question">
            <strong>{t('yourData.withdrawConfirm')}</strong>
          </p>
          <div className="your-data__actions">
            <button
              type="button"
              className="button button--danger"
              aria-disabled={withdraw.isPending || undefined}
              onClick={() => {
                if (!withdraw.isPending)
                  withdraw.mutate(undefined, { onSuccess: () => setConfirming(false) });
              }}
            >
              {t('yourData.withdrawYes')}
            </button>
            <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>
              {t('yourData.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('yourData.withdraw')}
        </button>
      )}
    </section>
  );
}
