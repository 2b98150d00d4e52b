import { useEffect, useRef } from 'react';

/**
 * Plays back a recording made in this browser. MediaRecorder's WebM carries no duration, so the player would show
 * no length (Infinity) and a useless seek bar until played through: seeking far past the end once makes the browser
 * find the real end, then the player goes back to the start.
 */
export function RecordingPlayback({
  kind,
  src,
  label,
}: {
  kind: 'video' | 'audio';
  src: string;
  label?: string;
}) {
  const ref = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  useEffect(() => {
    const media = ref.current;
    if (!media) return;
    let isSeekingEnd = false;
    const onMetadata = () => {
      if (Number.isFinite(media.duration)) return;
      isSeekingEnd = true;
      media.currentTime = Number.MAX_SAFE_INTEGER;
    };
    const onDuration = () => {
      if (!isSeekingEnd || !Number.isFinite(media.duration)) return;
      isSeekingEnd = false;
      media.currentTime = 0;
    };
    media.addEventListener('loadedmetadata', onMetadata);
    media.addEventListener('durationchange', onDuration);
    if (media.readyState >= HTMLMediaElement.HAVE_METADATA) onMetadata();
    return () => {
      media.removeEventListener('loadedmetadata', onMetadata);
      media.removeEventListener('durationchange', onDuration);
    };
  }, [src]);
  return kind === 'video' ? (
    <video ref={ref} className="interview-playback" src={src} controls playsInline aria-label={label} />
  ) : (
    <audio ref={ref} className="interview-playback-audio" src={src} controls aria-label={label} />
  );
}
