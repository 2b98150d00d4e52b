import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowQuestion } from './flowQuestion.ts';
import { interviewErrorMessage } from './interviewErrors.ts';
import { describeQuestion } from './questionFacts.ts';

interface QuestionIntroProps {
  question: FlowQuestion;
  startLabel: string;
  onStart: () => void;
  isStarting: boolean;
  error: unknown;
  headingRef: Ref<HTMLHeadingElement> | undefined;
  /** What to know before starting (the deadline drawing near, another device recording). */
  children?: ReactNode;
}

/** The question's rules before its prompt appears; nothing is timed until the candidate starts it. */
export function QuestionIntro({
  question,
  startLabel,
  onStart,
  isStarting,
  error,
  headingRef,
  children,
}: QuestionIntroProps) {
  const { t } = useTranslation('candidate');
  return (
    <section className="candidate-section" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        {t('interview.intro.heading')}
      </h2>
      <ul className="question-facts">
        {describeQuestion(t, question).map((fact) => (
          <li key={fact}>{fact}</li>
        ))}
      </ul>
      <p className="candidate-calm">
        {question.answerType === 'text' ? t('interview.intro.whenText') : t('interview.intro.when')}
      </p>
      {children}
      {error ? (
        <div className="alert alert--error" role="alert">
          <p>{interviewErrorMessage(t, error)}</p>
        </div>
      ) : null}
      <button
        type="button"
        className="button button--primary button--block"
        onClick={onStart}
        disabled={isStarting}
      >
        {startLabel}
      </button>
    </section>
  );
}
