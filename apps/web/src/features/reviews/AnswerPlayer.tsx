import type { ReviewAnswer } from '@oneway/shared';
import { useState, type RefObject } from 'react';
import { getErrorMessage, hasErrorCode } from '../../api/errorMessages.ts';
import { BeingFixedNotice, FailedAnswerNotice } from '../processing/FailedAnswerNotice.tsx';
import { handlePlayerKey } from './playerKeys.ts';
import { usePlayback, type RequestPlayback } from './usePlayback.ts';
import { useRenewingSource } from './useRenewingSource.ts';

const speeds = ['0.75', '1', '1.25', '1.5', '2'];

interface AnswerPlayerProps {
  answer: ReviewAnswer | null;
  /** Names the player region, e.g. "Answer to question 2". */
  label: string;
  mediaRef: RefObject<HTMLMediaElement | null>;
  requestPlayback: RequestPlayback;
  scope: string;
  /** Checks the answer's processing again. */
  onRetry: () => void;
  onNext?: (() => void) | undefined;
  shortcutsId?: string | undefined;
}

/** A recorded answer with speed control and keyboard shortcuts, a text answer, or why neither can be shown. */
export function AnswerPlayer(props: AnswerPlayerProps) {
  const { answer } = props;
  if (!answer) return <p className="muted">No answer was given.</p>;
  if (answer.kind === 'text') {
    return (
      <blockquote className="text-answer" aria-label={props.label}>
        <p className="break-anywhere">{answer.text}</p>
      </blockquote>
    );
  }
  const { status } = answer.media;
  if (status === 'failed') {
    // Only members have a session to check roles with; share-link guests see that it is being fixed.
    return props.scope === 'member' ? (
      <FailedAnswerNotice takeId={answer.takeId} onRetried={props.onRetry} />
    ) : (
      <BeingFixedNotice />
    );
  }
  if (status !== 'ready') return <ProcessingNotice onRetry={props.onRetry} />;
  return (
    <MediaPlayer
      {...props}
      takeId={answer.takeId}
      isAudio={answer.media.mime?.startsWith('audio') ?? false}
    />
  );
}

function ProcessingNotice({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="alert alert--info processing-notice">
      <p>This recording is still being processed. It usually takes less than a minute.</p>
      <button type="button" className="button button--small" onClick={onRetry}>
        Check again
      </button>
    </div>
  );
}

function MediaPlayer(props: AnswerPlayerProps & { takeId: string; isAudio: boolean }) {
  const { takeId } = props;
  const playback = usePlayback(takeId, props.requestPlayback, props.scope);
  const [speed, setSpeed] = useState('1');
  const speedId = `speed-${takeId}`;

  // A renewal that fails keeps the player (and its place); the next try, or an error of the player, asks again.
  if (!playback.data) {
    if (!playback.isError) return <p className="loading">Loading the recording…</p>;
    if (hasErrorCode(playback.error, 'media_not_ready')) return <ProcessingNotice onRetry={props.onRetry} />;
    return (
      <div className="alert alert--error" role="alert">
        <p>{getErrorMessage(playback.error)}</p>
        <button type="button" className="button button--small" onClick={() => void playback.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <ReadyPlayer
      {...props}
      url={playback.data.url}
      posterUrl={playback.data.posterUrl}
      renew={() => void playback.refetch()}
      speed={speed}
      onSpeed={setSpeed}
      speedId={speedId}
    />
  );
}

function ReadyPlayer(
  props: AnswerPlayerProps & {
    isAudio: boolean;
    url: string;
    posterUrl: string | null;
    renew: () => void;
    speed: string;
    onSpeed: (speed: string) => void;
    speedId: string;
  },
) {
  const { isAudio, mediaRef, label, onNext, shortcutsId, posterUrl, speed, speedId } = props;
  const source = useRenewingSource(mediaRef, props.url, props.renew);
  const setRef = (element: HTMLMediaElement | null) => {
    mediaRef.current = element;
    if (element) element.playbackRate = Number(speed);
  };
  const events = {
    onLoadedMetadata: () => {
      if (mediaRef.current) mediaRef.current.playbackRate = Number(speed);
      source.onLoadedMetadata();
    },
    onPause: source.onPause,
    onError: source.onError,
  };
  return (
    <div
      className="player"
      role="region"
      aria-label={label}
      aria-describedby={shortcutsId}
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        if (handlePlayerKey(event.key, event.target, mediaRef.current, onNext)) event.preventDefault();
      }}
    >
      {isAudio ? (
        <audio
          ref={setRef}
          src={source.src}
          controls
          preload="metadata"
          className="player__media"
          {...events}
        />
      ) : (
        <video
          ref={setRef}
          src={source.src}
          {...events}
          poster={posterUrl ?? undefined}
          controls
          preload="metadata"
          playsInline
          className="player__media"
        />
      )}
      <div className="player__controls">
        <label htmlFor={speedId}>Speed</label>
        <select
          id={speedId}
          className="select select--small"
          value={speed}
          onChange={(event) => {
            props.onSpeed(event.target.value);
            if (mediaRef.current) mediaRef.current.playbackRate = Number(event.target.value);
          }}
        >
          {speeds.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
