import type { CandidateInterview } from '@oneway/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageHeading } from '../../../hooks/usePageHeading.ts';
import { ContinueLaterPanel } from './ContinueLaterPanel.tsx';
import { InterviewGate } from './InterviewGate.tsx';
import { LiveRefreshNotice } from './LiveInterview.tsx';
import { interviewErrorMessage, missingPositionsOf } from './interviewErrors.ts';
import { donePath } from './interviewPaths.ts';
import { ReviewAnswer } from './ReviewAnswer.tsx';
import { useSubmitInterview } from './useCandidateInterview.ts';
import './interview.css';

/** /interview/review — every answer at a glance, a way back to each question, and Submit. */
export function ReviewPage() {
  const { t } = useTranslation('candidate');
  const headingRef = usePageHeading(t('interview.review.title'));
  return (
    <div className="candidate-page interview-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('interview.review.title')}
      </h1>
      <InterviewGate>{(interview) => <Review interview={interview} />}</InterviewGate>
    </div>
  );
}

function Review({ interview }: { interview: CandidateInterview }) {
  const { t, i18n } = useTranslation('candidate');
  const navigate = useNavigate();
  const submit = useSubmitInterview();
  const localMissing = interview.questions.filter((q) => q.answer === null).map((q) => q.position);
  const serverMissing = missingPositionsOf(submit.error);
  const missing = serverMissing.length > 0 ? serverMissing : localMissing;
  return (
    <>
      <p className="lead">{t('interview.review.intro')}</p>
      <LiveRefreshNotice isTakeBusy={false} />
      <ol className="interview-review">
        {interview.questions.map((question) => (
          <ReviewAnswer key={question.id} question={question} />
        ))}
      </ol>
      <div className="candidate-continue">
        {missing.length > 0 ? (
          <div className="alert alert--warning" role={submit.isError ? 'alert' : undefined}>
            <p>
              {t('interview.review.missing', {
                count: missing.length,
                list: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(missing.map(String)),
              })}
            </p>
          </div>
        ) : null}
        {submit.isError && serverMissing.length === 0 ? (
          <div className="alert alert--error" role="alert">
            <p>{interviewErrorMessage(t, submit.error)}</p>
          </div>
        ) : null}
        <p className="candidate-hint" id="submit-hint">
          {t('interview.review.submitHint')}
        </p>
        <button
          type="button"
          className="button button--primary button--block"
          aria-describedby="submit-hint"
          disabled={submit.isPending}
          onClick={() => submit.mutate(undefined, { onSuccess: () => void navigate(donePath) })}
        >
          {submit.isPending ? t('interview.review.submitting') : t('interview.review.submit')}
        </button>
      </div>
      <ContinueLaterPanel deadline={interview.deadline} />
    </>
  );
}
