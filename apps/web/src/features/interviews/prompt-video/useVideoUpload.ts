import { useRef, useState } from 'react';
import type { UploadProgress } from '../../../api/uploadWithProgress.ts';
import { useUploadPromptVideo, type PromptVideoTarget } from './promptVideoQueries.ts';

interface UploadCallbacks {
  onDone: () => void;
  onError: (error: unknown) => void;
  /** After success, failure or cancel. */
  onSettled: () => void;
}

/** One video upload at a time, with how much is sent and a way to cancel it. */
export function useVideoUpload(target: PromptVideoTarget) {
  const mutation = useUploadPromptVideo(target);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const controller = useRef<AbortController | null>(null);

  function start(file: Blob, callbacks: UploadCallbacks) {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setProgress({ loaded: 0, total: file.size });
    mutation.mutate(
      { file, signal: mine.signal, onProgress: setProgress },
      {
        onSuccess: callbacks.onDone,
        onError: (error) => {
          // A cancelled upload is what the person asked for, not an error.
          if (!(error instanceof DOMException && error.name === 'AbortError')) callbacks.onError(error);
        },
        onSettled: () => {
          if (controller.current === mine) {
            controller.current = null;
            setProgress(null);
          }
          callbacks.onSettled();
        },
      },
    );
  }

  return { progress, start, cancel: () => controller.current?.abort() };
}
