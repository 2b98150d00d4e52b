import type { PromptVideo } from '@oneway/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { InlineConfirm } from '../../../components/InlineConfirm.tsx';
import { CaptionsControl } from './CaptionsControl.tsx';
import { promptVideoErrorMessage } from './promptVideoErrors.ts';
import {
  useCurrentPromptVideo,
  useRemovePromptVideo,
  useRetryPromptVideo,
  type PromptVideoTarget,
} from './promptVideoQueries.ts';
import { useVideoUpload } from './useVideoUpload.ts';
import { VideoFileInput } from './VideoFileInput.tsx';
import { VideoRecorderPanel } from './VideoRecorderPanel.tsx';
import { VideoStatusPanel } from './VideoStatusPanel.tsx';
import { UploadProgressBar } from './UploadProgressBar.tsx';
import './prompt-video.css';

interface PromptVideoFieldProps {
  target: PromptVideoTarget;
  video: PromptVideo | null;
  /** "Intro video" or "Video prompt". */
  title: string;
  /** "intro video" or "video prompt", inside sentences. */
  noun: string;
  /** What the video is for, and which text candidates get as its text version. */
  hint: string;
  /** The interview's language, for the captions track. */
  language: string;
}

/**
 * An optional video candidates watch: upload a file (with progress and cancel) or record one in the browser, then
 * processing, a preview as candidates see it, captions, and remove. Each change is saved at once.
 */
export function PromptVideoField({
  target,
  video: saved,
  title,
  noun,
  hint,
  language,
}: PromptVideoFieldProps) {
  const id = useId();
  const video = useCurrentPromptVideo(saved);
  const upload = useVideoUpload(target);
  const remove = useRemovePromptVideo(target);
  const retry = useRetryPromptVideo();
  const [isRecording, setIsRecording] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const recordRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // After an upload, a cancel or a removal the control that was used has gone; the field's title is where to go on.
  const focusTitle = () => requestAnimationFrame(() => titleRef.current?.focus());
  const errorId = `${id}-error`;

  const announce = (message: string) => {
    setError(null);
    setAnnouncement(message);
  };

  function send(file: Blob) {
    setIsRecording(false);
    setError(null);
    setAnnouncement(null);
    upload.start(file, {
      onDone: () => announce(`${capitalise(noun)} uploaded. Processing it now.`),
      onError: (err) => setError(promptVideoErrorMessage(err, noun)),
      onSettled: focusTitle,
    });
  }

  function handleRemove() {
    setIsConfirming(false);
    remove.mutate(undefined, {
      onSuccess: () => {
        announce(`${capitalise(noun)} removed.`);
        focusTitle();
      },
      onError: (err) => setError(promptVideoErrorMessage(err, noun)),
    });
  }

  function handleRetry() {
    if (!video) return;
    retry.mutate(video.id, {
      onSuccess: () => announce('Processing the video again.'),
      onError: (err) => setError(promptVideoErrorMessage(err, noun)),
    });
  }

  const isBusy = upload.progress !== null || remove.isPending;

  // Processing ends while the person may be elsewhere on the page: say how it ended.
  const status = video?.status;
  const lastStatus = useRef(status);
  useEffect(() => {
    const was = lastStatus.current;
    lastStatus.current = status;
    if (was !== 'processing' || status === 'processing' || status === undefined) return;
    setAnnouncement(
      status === 'ready' ? `${capitalise(noun)} ready.` : `${capitalise(noun)} could not be processed.`,
    );
  }, [status, noun]);

  return (
    <div
      className="prompt-video-field"
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-hint`}
      aria-busy={isBusy}
    >
      <h3 ref={titleRef} tabIndex={-1} id={`${id}-title`} className="field__label prompt-video-field__title">
        {title} <span className="prompt-video-field__optional">(optional)</span>
      </h3>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      <StatusMessage message={announcement} onDismiss={() => setAnnouncement(null)} />
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {video && upload.progress === null && !isRecording ? (
        <VideoStatusPanel
          video={video}
          title={title}
          language={language}
          onRetry={handleRetry}
          isRetrying={retry.isPending}
        />
      ) : null}
      {upload.progress ? <UploadProgressBar progress={upload.progress} onCancel={upload.cancel} /> : null}
      {isRecording ? (
        <VideoRecorderPanel
          noun={noun}
          onUse={send}
          onCancel={() => {
            setIsRecording(false);
            requestAnimationFrame(() => recordRef.current?.focus());
          }}
        />
      ) : null}
      {!isRecording && upload.progress === null ? (
        <div className="prompt-video-field__sources">
          <VideoFileInput
            label={video ? `Replace with a video file` : `Upload a video file`}
            disabled={isBusy}
            onChosen={send}
            onProblem={setError}
          />
          <button
            ref={recordRef}
            type="button"
            className="button"
            onClick={() => setIsRecording(true)}
            disabled={isBusy}
          >
            {video ? 'Record a new one' : 'Record with your camera'}
          </button>
          {video && !isConfirming ? (
            <button
              ref={removeRef}
              type="button"
              className="button button--danger-quiet"
              onClick={() => setIsConfirming(true)}
              disabled={isBusy}
            >
              Remove {noun}
            </button>
          ) : null}
        </div>
      ) : null}
      {isConfirming ? (
        <InlineConfirm
          question={`Remove the ${noun}? Candidates who have not started yet will no longer see it.`}
          confirmLabel={`Remove ${noun}`}
          onConfirm={handleRemove}
          onCancel={() => {
            setIsConfirming(false);
            requestAnimationFrame(() => removeRef.current?.focus());
          }}
        />
      ) : null}
      {video && video.status !== 'failed' && upload.progress === null && !isRecording ? (
        <CaptionsControl target={target} hasCaptions={video.hasCaptions} onChanged={announce} />
      ) : null}
    </div>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
