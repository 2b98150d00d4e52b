import type { CandidateInterview, CandidateLanding } from '@oneway/shared';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Loading } from '../../../components/Loading.tsx';
import { usePageHeading } from '../../../hooks/usePageHeading.ts';
import { browserTimeZone, formatDateTime } from '../candidateFormat.ts';
import { ContactSentence } from '../ContactSentence.tsx';
import { useCandidateLanding } from '../useCandidate.ts';
import { reviewPath } from './interviewPaths.ts';
import { useCandidateInterview } from './useCandidateInterview.ts';
import './interview.css';

/** /interview/done — the confirmation after submitting, and what happens next. */
export function DonePage() {
  const { t } = useTranslation('candidate');
  const headingRef = usePageHeading(t('interview.done.title'));
  const landing = useCandidateLanding().data;
  const query = useCandidateInterview();
  // Only a submitted interview is "sent"; anyone else belongs on the review page.
  if (query.data && !query.data.submittedAt) return <Navigate to={reviewPath} replace />;
  return (
    <div className="candidate-page interview-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('interview.done.title')}
      </h1>
      {query.isPending ? (
        <Loading label={t('common.loading')} />
      ) : (
        <Confirmation landing={landing} interview={query.data} />
      )}
    </div>
  );
}

function Confirmation({
  landing,
  interview,
}: {
  landing?: CandidateLanding;
  interview?: CandidateInterview;
}) {
  const { t, i18n } = useTranslation('candidate');
  const company = landing?.companyName;
  return (
    <>
      <p className="candidate-calm">
        {landing
          ? t('interview.done.thanks', { name: landing.candidateName })
          : t('interview.done.thanksNoName')}
        {interview?.submittedAt
          ? ` ${t('interview.done.sentAt', {
              date: formatDateTime(interview.submittedAt, i18n.language, browserTimeZone()),
            })}`
          : null}
      </p>
      <section className="candidate-section" aria-labelledby="next-heading">
        <h2 id="next-heading">{t('interview.done.nextHeading')}</h2>
        <p>{company ? t('interview.done.next', { company }) : t('interview.done.nextNoCompany')}</p>
        <p>{t('interview.done.email')}</p>
        <p>{t('interview.done.close')}</p>
      </section>
      {landing?.contactEmail ? (
        <section className="candidate-section" aria-labelledby="data-heading">
          <h2 id="data-heading">{t('landing.privacyHeading')}</h2>
          <p>
            <ContactSentence i18nKey="landing.privacyContact" email={landing.contactEmail} />
          </p>
        </section>
      ) : null}
    </>
  );
}
