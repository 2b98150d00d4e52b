import { useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { interviewErrorMessage } from './interviewErrors.ts';
import { formatClock } from './interviewFormat.ts';
import { monotonicClock } from './timing.ts';
import { useCountdown } from './useClock.ts';

interface TextAnswerProps {
  initialText: string;
  maxChars: number | null;
  answerSeconds: number | null;
  isPractice: boolean;
  isTimerHidden: boolean;
  timerToggle: ReactNode;
  onSave: (text: string) => void;
  onTryAgain: () => void;
  isSaving: boolean;
  error: unknown;
  headingRef: Ref<HTMLHeadingElement> | undefined;
}

/** A written answer with a live character count; at a time limit, what is written is saved, never thrown away. */
export function TextAnswer(props: TextAnswerProps) {
  const { initialText, maxChars, answerSeconds, isPractice, isTimerHidden, timerToggle, headingRef } = props;
  const { t } = useTranslation('candidate');
  const [text, setText] = useState(initialText);
  const [showEmpty, setShowEmpty] = useState(false);
  // The limit starts on this page: measured on the monotonic clock, so a wall-clock correction never ends it.
  const [endsAt] = useState(() => (answerSeconds === null ? null : monotonicClock() + answerSeconds * 1000));
  const [isTimeUp, setIsTimeUp] = useState(false);
  const remaining = useCountdown(
    endsAt,
    () => {
      setIsTimeUp(true);
      if (text.trim() && !isPractice) props.onSave(text);
    },
    monotonicClock,
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setShowEmpty(true);
    props.onSave(text);
  };

  const count =
    maxChars === null
      ? t('interview.text.count', { count: text.length })
      : t('interview.text.countOf', { count: text.length, max: maxChars });
  return (
    <section className="candidate-section" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        {t('interview.text.heading')}
      </h2>
      {remaining !== null && !isTimeUp ? (
        <p className="interview-clock">
          {isTimerHidden ? (
            t('interview.timer.hidden')
          ) : (
            <>
              <span className="interview-clock__value">{formatClock(remaining)}</span>{' '}
              {t('interview.text.left')}
            </>
          )}
        </p>
      ) : null}
      {remaining !== null && !isTimeUp ? timerToggle : null}
      {isTimeUp ? (
        <div className="alert alert--warning" role="alert">
          <p>{text.trim() && !isPractice ? t('interview.text.timeUpSaved') : t('interview.text.timeUp')}</p>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <TextAreaField
          id="text-answer"
          label={t('interview.text.label')}
          hint={count}
          error={showEmpty && !text.trim() ? t('interview.text.empty') : undefined}
          rows={10}
          maxLength={maxChars ?? undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {props.error ? (
          <div className="alert alert--error" role="alert">
            <p>{interviewErrorMessage(t, props.error)}</p>
          </div>
        ) : null}
        <div className="interview-actions">
          {isPractice ? (
            <button type="button" className="button" onClick={props.onTryAgain}>
              {t('interview.take.tryAgain')}
            </button>
          ) : (
            <button type="submit" className="button button--primary" disabled={props.isSaving}>
              {props.isSaving ? t('interview.text.saving') : t('interview.text.save')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
