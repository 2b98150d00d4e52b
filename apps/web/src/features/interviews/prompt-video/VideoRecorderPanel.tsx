import { promptVideoMaxSeconds } from '@oneway/shared';
import { useEffect, useId, useRef } from 'react';
import { useMediaStream, type MediaProblem } from '../../candidate/device-check/useMediaStream.ts';
import { formatDuration } from '../format/durations.ts';
import { formatClock } from './videoFormat.ts';
import { useVideoRecording } from './useVideoRecording.ts';

const problemMessages: Record<MediaProblem, string> = {
  blocked:
    'The browser was not allowed to use the camera or microphone. Allow them in the address bar, then try again.',
  noDevice: 'No camera or microphone was found. Connect one, then try again.',
  inUse: 'The camera or microphone is in use by another app. Close it, then try again.',
  unsupported:
    'This browser cannot record video. Try a current Chrome, Edge, Firefox or Safari, or upload a file.',
  unknown: 'The camera could not start. Try again, or upload a file instead.',
};

interface VideoRecorderPanelProps {
  /** What is being recorded, for labels: "intro video", "video prompt". */
  noun: string;
  onUse: (recording: Blob) => void;
  onCancel: () => void;
}

/** Camera and microphone with device choice, a countdown, REC with a timer, then watch back and keep or redo. */
export function VideoRecorderPanel({ noun, onUse, onCancel }: VideoRecorderPanelProps) {
  const media = useMediaStream();
  const recording = useVideoRecording(media.stream);
  const { state } = recording;
  const id = useId();
  const liveRef = useRef<HTMLVideoElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  // Each phase shows one main button; the keyboard goes on from it, never from a button that has gone.
  const primaryRef = useRef<HTMLButtonElement>(null);
  const isReview = state.phase === 'review';
  const isBusy = state.phase === 'countdown' || state.phase === 'recording';

  useEffect(() => {
    const video = liveRef.current;
    if (!video || isReview) return;
    video.srcObject = media.stream;
    if (media.stream) void video.play().catch(() => undefined);
  }, [media.stream, isReview]);

  useEffect(() => {
    const active = document.activeElement;
    if (active === document.body || panelRef.current?.contains(active)) primaryRef.current?.focus();
  }, [state.phase]);

  return (
    <div ref={panelRef} className="video-recorder" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="video-recorder__title">
        Record the {noun}
      </p>
      {media.problem ? (
        <div className="alert alert--error" role="alert">
          <p>{problemMessages[media.problem]}</p>
          <button type="button" className="button button--small" onClick={() => void media.retry()}>
            Try the camera again
          </button>
        </div>
      ) : null}
      <div className="video-recorder__stage">
        {isReview ? (
          <video
            className="video-recorder__video"
            src={state.url}
            controls
            playsInline
            aria-label="Your recording"
          />
        ) : (
          <video
            ref={liveRef}
            className="video-recorder__video video-recorder__video--live"
            autoPlay
            muted
            playsInline
            aria-label="Camera preview"
          />
        )}
        {state.phase === 'countdown' ? (
          <span className="video-recorder__countdown" aria-hidden="true">
            {state.count}
          </span>
        ) : null}
        {state.phase === 'recording' ? (
          <span className="video-recorder__rec" aria-hidden="true">
            REC {formatClock(state.elapsed)} / {formatClock(promptVideoMaxSeconds)}
          </span>
        ) : null}
      </div>
      <p className={isReview ? 'field__hint' : 'visually-hidden'} role="status">
        {state.phase === 'countdown'
          ? `Recording starts in ${state.count}`
          : state.phase === 'recording'
            ? 'Recording'
            : isReview
              ? `Your recording: ${formatClock(state.seconds)}. Watch it back, then use it or record again.`
              : ''}
      </p>
      {state.phase === 'failed' ? (
        <p className="field__error" role="alert">
          The recording did not work. Record again, or upload a file instead.
        </p>
      ) : null}
      {!isReview && media.cameras.length > 0 ? (
        <div className="video-recorder__devices">
          <DevicePicker
            id={`${id}-camera`}
            label="Camera"
            options={media.cameras}
            value={media.cameraId}
            disabled={isBusy}
            onChange={(value) => void media.chooseCamera(value)}
          />
          <DevicePicker
            id={`${id}-microphone`}
            label="Microphone"
            options={media.microphones}
            value={media.microphoneId}
            disabled={isBusy}
            onChange={(value) => void media.chooseMicrophone(value)}
          />
        </div>
      ) : null}
      <p className="field__hint">
        At most {formatDuration(promptVideoMaxSeconds)}: recording stops by itself then.
      </p>
      <div className="video-recorder__actions">
        {state.phase === 'preview' || state.phase === 'failed' ? (
          <button
            ref={primaryRef}
            type="button"
            className="button button--primary"
            onClick={recording.start}
            disabled={!media.stream}
          >
            Start recording
          </button>
        ) : null}
        {state.phase === 'countdown' ? (
          <button ref={primaryRef} type="button" className="button" onClick={recording.discard}>
            Cancel countdown
          </button>
        ) : null}
        {state.phase === 'recording' ? (
          <button ref={primaryRef} type="button" className="button button--danger" onClick={recording.stop}>
            Stop recording
          </button>
        ) : null}
        {isReview ? (
          <>
            <button
              ref={primaryRef}
              type="button"
              className="button button--primary"
              onClick={() => onUse(state.blob)}
            >
              Use this video
            </button>
            <button type="button" className="button" onClick={recording.discard}>
              Record again
            </button>
          </>
        ) : null}
        {isBusy ? null : (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}

interface DevicePickerProps {
  id: string;
  label: string;
  options: { deviceId: string; label: string }[];
  value: string | null;
  disabled: boolean;
  onChange: (deviceId: string) => void;
}

function DevicePicker({ id, label, options, value, disabled, onChange }: DevicePickerProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={value ?? ''}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.deviceId} value={option.deviceId}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
