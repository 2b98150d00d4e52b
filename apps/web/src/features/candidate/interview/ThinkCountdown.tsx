import { useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../candidateFormat.ts';
import { formatClock } from './interviewFormat.ts';
import { serverClock } from './timing.ts';
import { useCountdown } from './useClock.ts';

interface ThinkCountdownProps {
  /** When think time ends (epoch ms, the server's clock); null: as long as the candidate needs. */
  endsAt: number | null;
  /** When think time starts (the server's clock), once the video prompt has had its time; null without a video. */
  startsAt: number | null;
  /** The think seconds ('none': the step lasts only as long as the video). */
  thinkSeconds: number | 'none' | null;
  startsRecording: boolean;
  isTextAnswer: boolean;
  isTimerHidden: boolean;
  timerToggle: ReactNode;
  onDone: () => void;
  headingRef: Ref<HTMLHeadingElement> | undefined;
  children?: ReactNode;
}

/**
 * Think time: a countdown the candidate can end early with "I'm ready", or no limit at all. After a video prompt
 * it first waits out the video's length (so watching never eats thinking time) and says when think time starts.
 */
export function ThinkCountdown(props: ThinkCountdownProps) {
  const { endsAt, startsAt, thinkSeconds, startsRecording, isTextAnswer, isTimerHidden, timerToggle } = props;
  const { t } = useTranslation('candidate');
  const [announcement, setAnnouncement] = useState('');
  // Announced only when it happens on this page, not when a reload lands after it.
  const wasWatching = useRef(startsAt !== null && startsAt > serverClock.now());
  // Think time runs from the server's reveal: counted on the server's clock, whatever this device's says.
  const videoLeft = useCountdown(
    startsAt,
    () => {
      if (wasWatching.current) setAnnouncement(t('promptVideo.thinkStarted'));
    },
    serverClock.now,
  );
  const remaining = useCountdown(endsAt, props.onDone, serverClock.now);
  const isWatching = videoLeft !== null && videoLeft > 0;
  const next = isTextAnswer
    ? t('interview.think.nextText')
    : startsRecording
      ? t('interview.think.nextAuto')
      : t('interview.think.nextReady');
  const clock = (seconds: number, label: string) =>
    isTimerHidden ? (
      <p>{t('interview.timer.hidden')}</p>
    ) : (
      <p className="interview-clock">
        <span className="interview-clock__value">{formatClock(seconds)}</span> <span>{label}</span>
      </p>
    );
  return (
    <section className="candidate-section" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={props.headingRef} tabIndex={-1}>
        {isWatching ? t('promptVideo.watchHeading') : t('interview.think.heading')}
      </h2>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {isWatching ? (
        <>
          {clock(
            videoLeft,
            thinkSeconds === 'none' ? t('promptVideo.untilVideoEnds') : t('promptVideo.untilThink'),
          )}
          <p>
            {typeof thinkSeconds === 'number'
              ? t('promptVideo.thinkAfter', { duration: formatDuration(t, thinkSeconds) })
              : thinkSeconds === null
                ? t('interview.think.unlimited')
                : t('promptVideo.noThinkAfter')}
          </p>
        </>
      ) : remaining === null ? (
        <p>{t('interview.think.unlimited')}</p>
      ) : (
        clock(remaining, t('interview.think.left'))
      )}
      {remaining === null && !isWatching ? null : timerToggle}
      <p className="candidate-hint">{next}</p>
      {props.children}
      <button type="button" className="button button--primary button--block" onClick={props.onDone}>
        {t('interview.think.ready')}
      </button>
    </section>
  );
}
