import { promptVideoMaxSeconds } from '@oneway/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { pickRecordingFormat } from '../../candidate/recording/engine/recorder.ts';

export type RecordingState =
  | { phase: 'preview' }
  | { phase: 'countdown'; count: number }
  | { phase: 'recording'; elapsed: number }
  | { phase: 'review'; blob: Blob; url: string; seconds: number }
  | { phase: 'failed' };

const countdownFrom = 3;
const tickMs = 250;

/**
 * Records the stream in the browser: a 3-2-1 countdown, then recording until Stop or the longest prompt video
 * (promptVideoMaxSeconds), then the recording to watch back. The recording is a Blob of the container alone
 * (video/webm or video/mp4), the Content-Type the server accepts.
 */
export function useVideoRecording(stream: MediaStream | null) {
  const [state, setState] = useState<RecordingState>({ phase: 'preview' });
  const recorder = useRef<MediaRecorder | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const reviewUrl = state.phase === 'review' ? state.url : null;

  const clearTimer = () => window.clearInterval(timer.current);

  const stop = useCallback(() => {
    clearTimer();
    if (recorder.current?.state === 'recording') recorder.current.stop();
  }, []);

  const record = useCallback(() => {
    if (!stream) return;
    const format = pickRecordingFormat('video', (type) => MediaRecorder.isTypeSupported(type));
    const chunks: Blob[] = [];
    let next: MediaRecorder;
    try {
      next = new MediaRecorder(stream, format.options);
    } catch {
      setState({ phase: 'failed' });
      return;
    }
    const startedAt = Date.now();
    next.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    });
    next.addEventListener('stop', () => {
      const type = (next.mimeType || format.mimeType || 'video/webm').split(';')[0] ?? 'video/webm';
      const blob = new Blob(chunks, { type });
      const seconds = Math.round((Date.now() - startedAt) / 1000);
      if (blob.size === 0) return setState({ phase: 'failed' });
      setState({ phase: 'review', blob, url: URL.createObjectURL(blob), seconds });
    });
    next.addEventListener('error', () => stop());
    recorder.current = next;
    next.start(1_000);
    setState({ phase: 'recording', elapsed: 0 });
    timer.current = window.setInterval(() => {
      const elapsed = (Date.now() - startedAt) / 1000;
      if (elapsed >= promptVideoMaxSeconds) return stop();
      setState({ phase: 'recording', elapsed });
    }, tickMs);
  }, [stream, stop]);

  /** Counts down from 3, then records; gives the presenter a moment to look at the camera. */
  const start = useCallback(() => {
    clearTimer();
    let count = countdownFrom;
    setState({ phase: 'countdown', count });
    timer.current = window.setInterval(() => {
      count -= 1;
      if (count > 0) return setState({ phase: 'countdown', count });
      clearTimer();
      record();
    }, 1_000);
  }, [record]);

  const discard = useCallback(() => {
    clearTimer();
    setState({ phase: 'preview' });
  }, []);

  useEffect(() => {
    if (!reviewUrl) return;
    return () => URL.revokeObjectURL(reviewUrl);
  }, [reviewUrl]);

  // Leaving the recorder (cancel, or the page) stops it without keeping anything.
  useEffect(
    () => () => {
      clearTimer();
      const current = recorder.current;
      if (current && current.state !== 'inactive') current.stop();
    },
    [],
  );

  return { state, start, stop, discard };
}
