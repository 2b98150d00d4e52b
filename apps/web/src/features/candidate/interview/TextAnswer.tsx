import type { CandidateAnswer } from '@oneway/shared';
import { useEffect, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { interviewErrorMessage } from './interviewErrors.ts';
import { formatClock } from './interviewFormat.ts';
import { monotonicClock } from './timing.ts';
import { useCountdown } from './useClock.ts';
import type { DraftSaveStatus } from './textDraft.ts';
import { useTextDraft } from './useTextDraft.ts';

interface TextAnswerProps {
  questionId: string;
  /** When this invitation revealed the question: the key of the draft kept on this device. */
  revealedAt: string | null;
  /** The answer the server holds; the draft on this device wins when it was changed after it. */
  savedAnswer: CandidateAnswer | null;
  /** Tells the page whether the server is missing some of the text, so leaving asks first. */
  onUnsavedChange: (isUnsaved: boolean) => void;
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
  const { maxChars, answerSeconds, isPractice, isTimerHidden, timerToggle, headingRef } = props;
  const { t } = useTranslation('candidate');
  // Practice answers are never sent, so they have no draft either.
  const draft = useTextDraft({
    questionId: props.questionId,
    revealedAt: props.revealedAt,
    answer: props.savedAnswer,
    isEnabled: !isPractice,
  });
  const { text, setText } = draft;
  const { onUnsavedChange } = props;
  useEffect(() => onUnsavedChange(draft.isUnsaved), [onUnsavedChange, draft.isUnsaved]);
  useEffect(() => () => onUnsavedChange(false), [onUnsavedChange]);
  const [showEmpty, setShowEmpty] = useState(false);
  // The limit starts on this page: measured on the monotonic clock, so a wall-clock correction never ends it.
  const [endsAt] = useState(() => (answerSeconds === null ? null : monotonicClock() + answerSeconds * 1000));
  const [isTimeUp, setIsTimeUp] = useState(false);
  const remaining = useCountdown(
    endsAt,
    () => {
      setIsTimeUp(true);
      if (text.trim() && !isPractice) void saveAfterSends(text);
    },
    monotonicClock,
  );

  // The final save goes after the draft's own sends, which would otherwise land after it with older text.
  const saveAfterSends = (value: string) => draft.sendNow().then(() => props.onSave(value));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setShowEmpty(true);
    void saveAfterSends(text);
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
      {isPractice ? null : <DraftStatus status={draft.status} />}
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
        {props.error || draft.refusal ? (
          <div className="alert alert--error" role="alert">
            <p>{interviewErrorMessage(t, props.error || draft.refusal)}</p>
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

/** Saved only once the server holds the text, as for recordings; a failed save says so while it is tried again. */
function DraftStatus({ status }: { status: DraftSaveStatus }) {
  const { t } = useTranslation('candidate');
  const isSaved = status === 'saved';
  return (
    <p className={`interview-save${isSaved ? ' interview-save--saved' : ''}`} role="status">
      {status === 'saved' ? t('interview.take.saved') : null}
      {status === 'saving' ? t('interview.text.autosaving') : null}
      {status === 'retrying' ? t('interview.text.retrying') : null}
    </p>
  );
}
