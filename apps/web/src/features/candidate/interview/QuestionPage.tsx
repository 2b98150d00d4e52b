import type { CandidateInterview } from '@oneway/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { usePageHeading } from '../../../hooks/usePageHeading.ts';
import { Loading } from '../../../components/Loading.tsx';
import { useCandidatePromptVideos } from '../prompt-video/useCandidatePromptVideos.ts';
import { ContinueLaterPanel } from './ContinueLaterPanel.tsx';
import { flowQuestionOf } from './flowQuestion.ts';
import { InterviewGate } from './InterviewGate.tsx';
import { pathAfterQuestion, reviewPath } from './interviewPaths.ts';
import { QuestionFlow } from './QuestionFlow.tsx';
import { useCandidateInterview } from './useCandidateInterview.ts';
import './interview.css';

/** /interview/questions/:position — one question, "Question N of M", from its rules to a saved answer. */
export function QuestionPage() {
  const { t } = useTranslation('candidate');
  const position = Number(useParams().position);
  const total = useCandidateInterview().data?.questions.length;
  const title =
    total === undefined
      ? t('interview.question.titleShort', { position })
      : t('interview.question.title', { position, total });
  const headingRef = usePageHeading(title);
  return (
    <div className="candidate-page interview-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      <InterviewGate>{(interview) => <Question interview={interview} position={position} />}</InterviewGate>
    </div>
  );
}

function Question({ interview, position }: { interview: CandidateInterview; position: number }) {
  const { t } = useTranslation('candidate');
  const navigate = useNavigate();
  const videos = useCandidatePromptVideos();
  const question = interview.questions.find((q) => q.position === position);
  // The think time of a question with a video prompt starts after the video: its length must be known first.
  if (videos.isPending) return <Loading label={t('common.loading')} />;
  if (!question) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{t('interview.question.notFound')}</p>
        <p>
          <Link to={reviewPath}>{t('interview.question.toReview')}</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <QuestionFlow
        key={question.id}
        question={flowQuestionOf(
          question,
          videos.data?.questions.find((video) => video.questionId === question.id) ?? null,
        )}
        startLabel={t('interview.question.start', { position })}
        deadline={interview.deadline}
        onAnswered={() => void navigate(pathAfterQuestion(interview, position))}
        aside={
          <>
            <p className="interview-overview-link">
              <Link to={reviewPath}>{t('interview.question.allAnswers')}</Link>
            </p>
            <ContinueLaterPanel deadline={interview.deadline} />
          </>
        }
      />
    </>
  );
}
