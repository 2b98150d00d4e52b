import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from './interviewFormat.ts';
import { useCountdown } from './useClock.ts';

interface ThinkCountdownProps {
  /** When think time ends (epoch ms); null: as long as the candidate needs. */
  endsAt: number | null;
  startsRecording: boolean;
  isTextAnswer: boolean;
  isTimerHidden: boolean;
  timerToggle: ReactNode;
  onDone: () => void;
  headingRef: Ref<HTMLHeadingElement> | undefined;
  children?: ReactNode;
}

/** Think time: a countdown the candidate can end early with "I'm ready", or no limit at all. */
export function ThinkCountdown(props: ThinkCountdownProps) {
  const { endsAt, startsRecording, isTextAnswer, isTimerHidden, timerToggle, onDone, headingRef, children } =
    props;
  const { t } = useTranslation('candidate');
  const remaining = useCountdown(endsAt, onDone);
  const next = isTextAnswer
    ? t('interview.think.nextText')
    : startsRecording
      ? t('interview.think.nextAuto')
      : t('interview.think.nextReady');
  return (
    <section className="candidate-section" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        {t('interview.think.heading')}
      </h2>
      {remaining === null ? (
        <p>{t('interview.think.unlimited')}</p>
      ) : isTimerHidden ? (
        <p>{t('interview.timer.hidden')}</p>
      ) : (
        <p className="interview-clock">
          <span className="interview-clock__value">{formatClock(remaining)}</span>{' '}
          <span>{t('interview.think.left')}</span>
        </p>
      )}
      {remaining === null ? null : timerToggle}
      <p className="candidate-hint">{next}</p>
      {children}
      <button type="button" className="button button--primary button--block" onClick={onDone}>
        {t('interview.think.ready')}
      </button>
    </section>
  );
}
