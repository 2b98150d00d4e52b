import type { CandidateLanding, CandidateQuestionRules } from '@oneway/shared';
import { useTranslation } from 'react-i18next';
import { formatDuration } from './candidateFormat.ts';

/** Each question's rules as this candidate gets them (accommodations applied), before anything is timed. */
export function QuestionRulesList({ landing }: { landing: CandidateLanding }) {
  const { t } = useTranslation('candidate');
  return (
    <section className="candidate-section" aria-labelledby="questions-heading">
      <h2 id="questions-heading">{t('landing.questionsHeading')}</h2>
      <p>{t('landing.questionCount', { count: landing.questions.length })}</p>
      {landing.practiceQuestion.enabled ? <p>{t('landing.practice')}</p> : null}
      <ol className="question-rules">
        {landing.questions.map((question) => (
          <li key={question.position} className="question-rules__item">
            <h3 className="question-rules__title">
              {t('landing.questionLabel', { position: question.position })}
            </h3>
            <ul className="question-rules__facts">
              {describeRules(t, question).map((fact) => (
                <li key={fact}>{fact}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {landing.questions.some((q) => q.answerType !== 'text') ? (
        <p className="candidate-hint">{t('landing.takesHint')}</p>
      ) : null}
    </section>
  );
}

function startKey(q: CandidateQuestionRules) {
  if (q.startMode === 'ready') return 'landing.startReady' as const;
  return q.think === 'none' ? ('landing.startImmediately' as const) : ('landing.startAuto' as const);
}

function describeRules(
  t: ReturnType<typeof useTranslation<'candidate'>>['t'],
  q: CandidateQuestionRules,
): string[] {
  const think =
    q.think === 'none'
      ? t('landing.thinkNone')
      : q.think === null
        ? t('landing.thinkUnlimited')
        : t('landing.thinkSeconds', { duration: formatDuration(t, q.think) });
  const limit =
    q.answerType === 'text'
      ? t('landing.textMaxChars', { count: q.textMaxChars ?? 0 })
      : q.answerSeconds === null
        ? t('landing.answerUntimed')
        : t('landing.answerSeconds', { duration: formatDuration(t, q.answerSeconds) });
  const facts = [t(`landing.answerType.${q.answerType}`), think, limit];
  if (q.answerType === 'text' && q.answerSeconds === null) facts.push(t('landing.answerUntimed'));
  // A written answer can be changed until the interview is sent: takes mean nothing there.
  if (q.answerType !== 'text') facts.push(t('landing.takes', { count: q.takes }), t(startKey(q)));
  return facts;
}
