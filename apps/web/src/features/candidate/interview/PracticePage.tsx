import type { CandidatePractice } from '@oneway/shared';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { usePageHeading } from '../../../hooks/usePageHeading.ts';
import { formatDuration } from '../candidateFormat.ts';
import { flowPracticeOf } from './flowQuestion.ts';
import { InterviewGate } from './InterviewGate.tsx';
import { nextUnansweredPath } from './interviewPaths.ts';
import { QuestionFlow } from './QuestionFlow.tsx';
import './interview.css';

/** /interview/practice — the practice question with the real timers, as often as wanted; never for reviewers. */
export function PracticePage() {
  const { t } = useTranslation('candidate');
  const headingRef = usePageHeading(t('interview.practice.title'));
  return (
    <div className="candidate-page interview-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('interview.practice.title')}
      </h1>
      <InterviewGate>
        {(interview) =>
          interview.practice ? (
            <Practice practice={interview.practice} next={nextUnansweredPath(interview)} />
          ) : (
            <Navigate to={nextUnansweredPath(interview)} replace />
          )
        }
      </InterviewGate>
    </div>
  );
}

function Practice({ practice, next }: { practice: CandidatePractice; next: string }) {
  const { t } = useTranslation('candidate');
  const navigate = useNavigate();
  return (
    <>
      <p className="lead">{t('interview.practice.intro')}</p>
      <p className="candidate-calm">
        {practice.answerSeconds === null
          ? t('interview.practice.tip')
          : t('interview.practice.tipTimed', { duration: formatDuration(t, practice.answerSeconds) })}
      </p>
      <QuestionFlow
        question={flowPracticeOf(practice)}
        startLabel={t('interview.practice.start')}
        onAnswered={() => void navigate(next)}
      />
      <div className="candidate-continue">
        <p className="candidate-hint" id="practice-continue-hint">
          {t('interview.practice.continueHint')}
        </p>
        <button
          type="button"
          className="button button--block"
          onClick={() => void navigate(next)}
          aria-describedby="practice-continue-hint"
        >
          {t('interview.practice.continue')}
        </button>
      </div>
    </>
  );
}
