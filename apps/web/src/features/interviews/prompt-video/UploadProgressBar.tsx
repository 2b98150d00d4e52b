import { useEffect, useId, useRef } from 'react';
import type { UploadProgress } from '../../../api/uploadWithProgress.ts';
import { formatMegabytes } from './videoFormat.ts';

/** How much of the video is sent, with a Cancel that stops the upload and keeps what was there before. */
export function UploadProgressBar({
  progress,
  onCancel,
}: {
  progress: UploadProgress;
  onCancel: () => void;
}) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const percent =
    progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;
  const isSent = percent >= 100;

  // The control used to start the upload has gone; Cancel is where the keyboard goes on from.
  useEffect(() => cancelRef.current?.focus(), []);

  return (
    <div className="upload-progress">
      <label htmlFor={id} className="upload-progress__label">
        {isSent ? 'Sent. Waiting for the server…' : `Uploading… ${percent}%`}
      </label>
      <progress id={id} max={100} value={percent} className="upload-progress__bar">
        {percent}%
      </progress>
      <p className="field__hint">
        {formatMegabytes(progress.loaded)} of {formatMegabytes(progress.total)}
      </p>
      <button ref={cancelRef} type="button" className="button button--small" onClick={onCancel}>
        Cancel upload
      </button>
    </div>
  );
}
