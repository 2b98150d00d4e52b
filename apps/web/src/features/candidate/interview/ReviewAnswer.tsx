import type { CandidateInterviewQuestion } from '@oneway/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInterviewLanguage } from '../useCandidate.ts';
import { formatBytes } from './interviewFormat.ts';
import { questionPath } from './interviewPaths.ts';

/** One question on the review page: its prompt when shown, its answer (or none yet) and the way back to it. */
export function ReviewAnswer({ question }: { question: CandidateInterviewQuestion }) {
  const { t, i18n } = useTranslation('candidate');
  const interviewLanguage = useInterviewLanguage();
  const { answer, position } = question;
  const take =
    answer?.kind === 'take' ? question.savedTakes.find((s) => s.takeId === answer.takeId) : undefined;
  const headingId = `review-question-${position}`;
  return (
    <li className={`interview-review__item${answer ? '' : ' interview-review__item--missing'}`}>
      <h2 id={headingId} className="interview-review__title">
        {t('landing.questionLabel', { position })}
      </h2>
      {question.prompt ? (
        <p className="interview-review__prompt" lang={interviewLanguage}>
          {question.prompt}
        </p>
      ) : null}
      {answer === null ? (
        <p className="interview-review__state">{t('interview.review.none')}</p>
      ) : answer.kind === 'text' ? (
        <>
          <p className="interview-review__state">{t('interview.review.written')}</p>
          <blockquote className="interview-text-answer">{answer.text}</blockquote>
        </>
      ) : (
        <p className="interview-review__state">
          {take
            ? t('interview.review.take', {
                number: take.takeNumber,
                size: formatBytes(take.bytes, i18n.language),
              })
            : t('interview.review.recorded')}
        </p>
      )}
      <p>
        <Link to={questionPath(position)}>
          {answer === null
            ? t('interview.review.answer', { position })
            : t('interview.review.change', { position })}
        </Link>
      </p>
    </li>
  );
}
