import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMicrophoneLevel } from '../device-check/useMicrophoneLevel.ts';

/** The live camera, mirrored like a mirror, full width on a phone. */
export function CameraPreview({ stream }: { stream: MediaStream | null }) {
  const { t } = useTranslation('candidate');
  const videoRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = stream;
    if (stream) void video.play().catch(() => undefined);
  }, [stream]);

  return (
    <video
      ref={videoRef}
      className="interview-preview"
      autoPlay
      muted
      playsInline
      aria-label={t('deviceCheck.previewLabel')}
    />
  );
}

/** For audio-only answers: the microphone's level, and whether it is being recorded. */
export function AudioIndicator({
  stream,
  isRecording,
}: {
  stream: MediaStream | null;
  isRecording: boolean;
}) {
  const { t } = useTranslation('candidate');
  const level = useMicrophoneLevel(stream);
  return (
    <div className="interview-audio">
      <p className="interview-audio__label">
        {isRecording ? t('interview.recording.audio') : t('interview.recording.microphone')}
      </p>
      <meter
        className="interview-audio__meter"
        min={0}
        max={100}
        low={10}
        value={level}
        aria-label={t('deviceCheck.microphoneLevel')}
      />
    </div>
  );
}

/** What the candidate sees of their stream before recording: the camera, or the microphone's level. */
export function StreamPreview({ kind, stream }: { kind: 'video' | 'audio'; stream: MediaStream | null }) {
  return kind === 'video' ? (
    <CameraPreview stream={stream} />
  ) : (
    <AudioIndicator stream={stream} isRecording={false} />
  );
}
