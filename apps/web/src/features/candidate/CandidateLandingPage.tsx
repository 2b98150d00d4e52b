import type { CandidateLanding } from '@oneway/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasErrorCode } from '../../api/errorMessages.ts';
import { Loading } from '../../components/Loading.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { AccommodationsApplied } from './AccommodationsApplied.tsx';
import { candidateErrorMessage } from './candidateErrors.ts';
import { browserTimeZone } from './candidateFormat.ts';
import { CandidateRequests } from './CandidateRequests.tsx';
import { ContactSentence } from './ContactSentence.tsx';
import { useResumePath } from './interview/useResumePath.ts';
import { LandingDeadline } from './LandingDeadline.tsx';
import { canKeepAfter, LoadFailure } from './LoadFailure.tsx';
import { IntroVideo } from './prompt-video/IntroVideo.tsx';
import { useCandidatePromptVideos } from './prompt-video/useCandidatePromptVideos.ts';
import { QuestionRulesList } from './QuestionRulesList.tsx';
import { saveCandidateTimeZone, useCandidateLanding } from './useCandidate.ts';
import { useShownLanguage } from './useShownLanguage.ts';

/** What the candidate reads before anything is timed: who, what, the rules, the deadline and where to get help. */
export function CandidateLandingPage() {
  const { t } = useTranslation('candidate');
  const landing = useCandidateLanding();
  const data = landing.data;
  const sessionMissing = hasErrorCode(landing.error, 'candidate_session_invalid');
  const title = data
    ? data.interviewTitle
    : sessionMissing
      ? t('session.title')
      : landing.isError
        ? t('link.failedTitle')
        : t('common.titleSuffix');
  const headingRef = usePageHeading(title);

  // The server shows times in e-mails on the candidate's clock once it knows it; failing to tell it costs nothing.
  const storedZone = data?.candidateTimeZone;
  useEffect(() => {
    if (storedZone === undefined) return;
    const zone = browserTimeZone();
    if (storedZone !== zone) saveCandidateTimeZone(zone).catch(() => undefined);
  }, [storedZone]);

  return (
    <div className="candidate-page">
      {data ? (
        <p className="candidate-eyebrow">
          {data.roleTitle
            ? t('landing.roleAt', { role: data.roleTitle, company: data.companyName })
            : data.companyName}
        </p>
      ) : null}
      {/* The interview's title is the employer's words, in the interview's language whatever the pages show. */}
      <h1 ref={headingRef} tabIndex={-1} lang={data?.language}>
        {title}
      </h1>
      {/* A failed refresh keeps the page it has: only a page that never loaded shows the failure. */}
      {data && canKeepAfter(landing.error) ? (
        <LandingContent landing={data} />
      ) : landing.isError ? (
        <LoadFailure
          error={landing.error}
          message={candidateErrorMessage(t, landing.error)}
          onRetry={() => void landing.refetch()}
        />
      ) : (
        <Loading label={t('common.loading')} />
      )}
    </div>
  );
}

function LandingContent({ landing }: { landing: CandidateLanding }) {
  const { t } = useTranslation('candidate');
  const company = landing.companyName;
  // Past the deadline the interview may still be in its grace period (an answer started in time): it says so.
  const resume = useResumePath(landing.status !== 'completed');
  const canContinue = (!landing.expired || resume.isInGrace) && landing.status !== 'completed';
  const continuePath = resume.path;
  // Without its videos (an older server, a failed request) the page still works: the intro text stands alone.
  const introVideo = useCandidatePromptVideos().data?.intro ?? null;
  const shown = useShownLanguage();
  return (
    <>
      <p className="lead">{t('landing.greeting', { name: landing.candidateName })}</p>
      <p className="candidate-calm">{t('landing.nothingTimed')}</p>
      {shown !== landing.language ? (
        <p className="candidate-hint">
          {t('language.employerWords', { language: t(`language.name.${landing.language}`) })}
        </p>
      ) : null}
      {introVideo ? (
        <section className="candidate-section" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('landing.aboutHeading')}</h2>
          <IntroVideo
            playback={introVideo}
            company={company}
            introText={landing.introText}
            language={landing.language}
          />
        </section>
      ) : landing.introText ? (
        <section className="candidate-section" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('landing.aboutHeading')}</h2>
          <p className="candidate-text" lang={landing.language}>
            {landing.introText}
          </p>
        </section>
      ) : null}
      <LandingDeadline landing={landing} />
      <QuestionRulesList landing={landing} />
      <AccommodationsApplied accommodations={landing.accommodationsApplied} />
      {landing.instructions ? (
        <section className="candidate-section" aria-labelledby="instructions-heading">
          <h2 id="instructions-heading">{t('landing.instructionsHeading', { company })}</h2>
          <p className="candidate-text" lang={landing.language}>
            {landing.instructions}
          </p>
        </section>
      ) : null}
      <section className="candidate-section candidate-tip" aria-labelledby="tip-heading">
        <h2 id="tip-heading">{t('landing.tipHeading')}</h2>
        <p>{t('landing.tip')}</p>
      </section>
      {/* Right after what to expect: on a phone, the requests and help below would push it screens down. */}
      <div className="candidate-continue">
        {canContinue ? (
          <>
            <p className="candidate-hint" id="continue-hint">
              {t('landing.continueHint')}
            </p>
            <Link
              to={continuePath}
              className="button button--primary button--block"
              aria-describedby="continue-hint"
            >
              {t('landing.continue')}
            </Link>
          </>
        ) : (
          <>
            <p className="candidate-hint" id="continue-hint">
              {landing.status === 'completed' ? t('landing.continueCompleted') : t('landing.continueExpired')}
            </p>
            <button
              type="button"
              className="button button--primary button--block"
              disabled
              aria-describedby="continue-hint"
            >
              {t('landing.continue')}
            </button>
          </>
        )}
      </div>
      <section className="candidate-section" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('landing.privacyHeading')}</h2>
        <p>{t('landing.privacy', { company })}</p>
        <p>
          <Link to="/your-data">{t('yourData.landingLink')}</Link>
        </p>
        {landing.contactEmail ? (
          <p>
            <ContactSentence i18nKey="landing.privacyContact" email={landing.contactEmail} />
          </p>
        ) : null}
      </section>
      <CandidateRequests landing={landing} />
      <section className="candidate-section" aria-labelledby="help-heading">
        <h2 id="help-heading">{t('landing.helpHeading')}</h2>
        <p>
          {landing.contactEmail ? (
            <ContactSentence i18nKey="landing.help" email={landing.contactEmail} />
          ) : (
            t('landing.helpNoContact')
          )}
        </p>
      </section>
    </>
  );
}
