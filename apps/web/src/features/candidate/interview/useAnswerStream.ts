import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaProblem } from '../device-check/useMediaStream.ts';
import { monotonicClock } from './timing.ts';

export type RecordedKind = 'video' | 'audio';

function problemOf(error: unknown): MediaProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'blocked';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noDevice';
  if (name === 'NotReadableError' || name === 'AbortError') return 'inUse';
  if (name === 'TypeError') return 'unsupported';
  return 'unknown';
}

// Recording straight after getUserMedia drops the first frames; the stream gets this long to settle.
const warmUpMs = 1500;
const wait = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

const stopTracks = (stream: MediaStream | null) => stream?.getTracks().forEach((track) => track.stop());
const isLive = (stream: MediaStream | null): stream is MediaStream =>
  stream !== null &&
  stream.getTracks().length > 0 &&
  stream.getTracks().every((t) => t.readyState === 'live');

/**
 * The stream a recorded answer needs, as the device check gets it: camera (the front one) and microphone for video,
 * the microphone alone for audio. Stopped when the page is left; `ensureLive` restarts it after a camera was lost.
 */
export function useAnswerStream(kind: RecordedKind | null) {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MediaProblem | null>(null);
  const [isStarting, setIsStarting] = useState(kind !== null);
  const current = useRef<MediaStream | null>(null);
  const readyAt = useRef(0);
  const pending = useRef<Promise<MediaStream | null> | null>(null);
  // A slower earlier start that finishes late stops its own tracks instead of winning.
  const attempt = useRef(0);

  const open = useCallback(async (): Promise<MediaStream | null> => {
    if (kind === null) return null;
    const mine = ++attempt.current;
    stopTracks(current.current);
    current.current = null;
    setStream(null);
    setProblem(null);
    setIsStarting(true);
    try {
      if (typeof navigator.mediaDevices?.getUserMedia !== 'function') throw new TypeError('No getUserMedia');
      const next = await navigator.mediaDevices.getUserMedia({
        video: kind === 'video' ? { facingMode: 'user' } : false,
        audio: true,
      });
      if (mine !== attempt.current) {
        stopTracks(next);
        return null;
      }
      current.current = next;
      readyAt.current = monotonicClock() + warmUpMs;
      setStream(next);
      return next;
    } catch (error) {
      if (mine === attempt.current) setProblem(problemOf(error));
      return null;
    } finally {
      if (mine === attempt.current) setIsStarting(false);
    }
  }, [kind]);

  const start = useCallback(() => {
    const promise = open();
    pending.current = promise;
    return promise;
  }, [open]);

  useEffect(() => {
    void start();
    return () => {
      attempt.current++;
      stopTracks(current.current);
      current.current = null;
    };
  }, [start]);

  /** The current stream once settled when every track still runs, otherwise a new one (null when that fails). */
  const ensureLive = useCallback(async () => {
    // A start already under way (the page just opened) is waited for rather than begun again.
    if (pending.current) await pending.current;
    const live = isLive(current.current) ? current.current : await start();
    // Monotonic: a wall clock set back mid-wait must not hold the recording back by as much.
    if (live) await wait(readyAt.current - monotonicClock());
    return live && isLive(live) ? live : null;
  }, [start]);

  return { stream, problem, isStarting, retry: start, ensureLive };
}
