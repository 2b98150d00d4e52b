import type { PromptVideo } from '@oneway/shared';
import { getErrorMessage } from '../../../api/errorMessages.ts';
import { PromptVideoPlayer } from '../../candidate/prompt-video/PromptVideoPlayer.tsx';
import { useRefreshOnMediaError } from '../../candidate/prompt-video/useRefreshOnMediaError.ts';
import { formatDuration } from '../format/durations.ts';
import { usePromptVideoPlayback } from './promptVideoQueries.ts';

interface VideoStatusPanelProps {
  video: PromptVideo;
  /** "Intro video", for the player's name. */
  title: string;
  language: string;
  onRetry: () => void;
  isRetrying: boolean;
}

/** Processing (checked every few seconds), ready with a preview as candidates will see it, or why it failed. */
export function VideoStatusPanel({ video, title, language, onRetry, isRetrying }: VideoStatusPanelProps) {
  if (video.status === 'processing') {
    return (
      <p className="prompt-video-status prompt-video-status--processing">
        <span className="spinner" aria-hidden="true" /> Processing… This usually takes less than a minute. You
        can leave this page; it carries on.
      </p>
    );
  }
  if (video.status === 'failed') {
    return (
      <div className="alert alert--error prompt-video-status">
        <p>
          <strong>Failed:</strong> {video.failureReason ?? 'the video could not be processed.'}
        </p>
        <button type="button" className="button button--small" onClick={onRetry} disabled={isRetrying}>
          Try again
        </button>
      </div>
    );
  }
  return <ReadyVideo video={video} title={title} language={language} />;
}

function ReadyVideo({ video, title, language }: { video: PromptVideo; title: string; language: string }) {
  const playback = usePromptVideoPlayback(video);
  const onMediaError = useRefreshOnMediaError(playback.refetch);
  return (
    <div className="prompt-video-status">
      <p className="prompt-video-status__ready">
        <span className="badge badge--sent">Ready</span>{' '}
        {video.durationSeconds === null ? null : formatDuration(Math.round(video.durationSeconds))}
      </p>
      {playback.isPending ? <p className="loading">Loading the preview…</p> : null}
      {playback.isError ? (
        <div className="alert alert--error">
          <p>{getErrorMessage(playback.error)}</p>
          <button type="button" className="button button--small" onClick={() => void playback.refetch()}>
            Load the preview again
          </button>
        </div>
      ) : null}
      {playback.data ? (
        <PromptVideoPlayer
          playback={playback.data}
          label={`${title} preview`}
          captionsLanguage={language}
          captionsLabel={language === 'es' ? 'Español' : 'English'}
          onMediaError={onMediaError}
        />
      ) : null}
    </div>
  );
}
