import type { PromptVideoPlayback } from '@oneway/shared';
import './prompt-video.css';
import type { Ref } from 'react';

interface PromptVideoPlayerProps {
  playback: PromptVideoPlayback;
  /** Names the player, e.g. "Introduction video". */
  label: string;
  /** The captions' language (the interview's) and its name in the player's menu. */
  captionsLanguage: string;
  captionsLabel: string;
  /** Only right after the person asked for it (starting a question); never on a page that just opened. */
  autoPlay?: boolean;
  /** Signed addresses expire: the page asks for new ones when the video cannot load. */
  onMediaError?: () => void;
  onEnded?: () => void;
  videoRef?: Ref<HTMLVideoElement>;
  describedBy?: string;
}

/** A prompt video with the browser's own controls, its poster, and captions on when there are some. */
export function PromptVideoPlayer(props: PromptVideoPlayerProps) {
  const { playback } = props;
  return (
    <video
      ref={props.videoRef}
      className="prompt-video-player"
      src={playback.src}
      poster={playback.poster ?? undefined}
      controls
      playsInline
      preload="metadata"
      autoPlay={props.autoPlay}
      aria-label={props.label}
      aria-describedby={props.describedBy}
      onError={props.onMediaError}
      onEnded={props.onEnded}
    >
      {playback.captions ? (
        <track
          kind="captions"
          src={playback.captions}
          srcLang={props.captionsLanguage}
          label={props.captionsLabel}
          default
        />
      ) : null}
    </video>
  );
}
