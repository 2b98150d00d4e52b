import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from './interviewFormat.ts';
import { AudioIndicator, CameraPreview } from './MediaPreview.tsx';
import { OfflineNotice, TakeNotices } from './OfflineNotice.tsx';
import type { TakeRecorderState } from './recorder.ts';

interface RecordingPanelProps {
  kind: 'video' | 'audio';
  stream: MediaStream | null;
  state: TakeRecorderState;
  elapsed: number;
  limit: number | null;
  isTimerHidden: boolean;
  timerToggle: ReactNode;
  onStop: () => void;
  headingRef: Ref<HTMLHeadingElement> | undefined;
}

/** The take being recorded: the preview, a REC label in text, the time, and Stop. */
export function RecordingPanel(props: RecordingPanelProps) {
  const { kind, stream, state, elapsed, limit, isTimerHidden, timerToggle, onStop, headingRef } = props;
  const { t } = useTranslation('candidate');
  const isRecording = state.phase === 'recording';
  return (
    <section className="candidate-section" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        {isRecording ? t('interview.recording.heading') : t('interview.recording.starting')}
      </h2>
      {kind === 'video' ? (
        <CameraPreview stream={stream} />
      ) : (
        <AudioIndicator stream={stream} isRecording={isRecording} />
      )}
      <div className="interview-rec-bar">
        {isRecording ? (
          <span className="interview-rec">
            <span className="interview-rec__dot" aria-hidden="true" />
            {t('interview.recording.rec')}
          </span>
        ) : null}
        {isRecording && !isTimerHidden ? (
          <span className="interview-clock">
            <span className="interview-clock__value">{formatClock(Math.floor(elapsed))}</span>
            {limit !== null ? (
              <span> {t('interview.recording.left', { time: formatClock(limit - elapsed) })}</span>
            ) : null}
          </span>
        ) : null}
        {isRecording && isTimerHidden ? <span>{t('interview.timer.hidden')}</span> : null}
      </div>
      {limit !== null ? timerToggle : null}
      {limit !== null ? (
        <p className="candidate-hint">{t('interview.recording.autoStop')}</p>
      ) : (
        <p className="candidate-hint">{t('interview.recording.untimed')}</p>
      )}
      <OfflineNotice online={state.online} />
      <TakeNotices state={state} />
      <button
        type="button"
        className="button button--primary button--block"
        onClick={onStop}
        disabled={!isRecording}
      >
        {t('interview.recording.stop')}
      </button>
    </section>
  );
}
