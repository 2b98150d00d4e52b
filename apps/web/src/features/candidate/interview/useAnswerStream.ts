import { useCallback, useEffect, useRef, useState } from 'react';
import {
  listDeviceOptions,
  openChosenDevices,
  readDeviceChoice,
  saveDeviceChoice,
} from '../device-check/deviceChoice.ts';
import { problemOf, type DeviceOption, type MediaProblem } from '../device-check/useMediaStream.ts';
import { monotonicClock } from './timing.ts';

export type RecordedKind = 'video' | 'audio';

// Recording straight after getUserMedia drops the first frames; the stream gets this long to settle.
const warmUpMs = 1500;
const wait = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

const stopTracks = (stream: MediaStream | null) => stream?.getTracks().forEach((track) => track.stop());
const isLive = (stream: MediaStream | null): stream is MediaStream =>
  stream !== null &&
  stream.getTracks().length > 0 &&
  stream.getTracks().every((t) => t.readyState === 'live');

/**
 * The stream a recorded answer needs, as the device check gets it: the camera and microphone chosen there (else the
 * front camera and the default microphone) for video, the microphone alone for audio; `choose` changes them. Stopped when the page is left; `ensureLive` restarts it after a camera was lost.
 */
export function useAnswerStream(kind: RecordedKind | null) {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MediaProblem | null>(null);
  const [isStarting, setIsStarting] = useState(kind !== null);
  const [isFallback, setIsFallback] = useState(false);
  const [cameras, setCameras] = useState<DeviceOption[]>([]);
  const [microphones, setMicrophones] = useState<DeviceOption[]>([]);
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
      const opened = await openChosenDevices(readDeviceChoice(), { video: kind === 'video' });
      const next = opened.stream;
      if (mine !== attempt.current) {
        stopTracks(next);
        return null;
      }
      current.current = next;
      readyAt.current = monotonicClock() + warmUpMs;
      setStream(next);
      setIsFallback(opened.isFallback);
      void listDeviceOptions().then(
        (options) => {
          if (mine !== attempt.current) return;
          setCameras(options.cameras);
          setMicrophones(options.microphones);
        },
        () => undefined,
      );
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

  /** Another camera or microphone, kept for the rest of the session; never while a take records. */
  const choose = useCallback(
    (device: 'camera' | 'microphone', deviceId: string) => {
      const tracks = current.current;
      const inUse = (list: MediaStreamTrack[] | undefined) => list?.[0]?.getSettings().deviceId ?? null;
      const choice = readDeviceChoice();
      saveDeviceChoice({
        cameraId: device === 'camera' ? deviceId : (choice.cameraId ?? inUse(tracks?.getVideoTracks())),
        microphoneId:
          device === 'microphone' ? deviceId : (choice.microphoneId ?? inUse(tracks?.getAudioTracks())),
      });
      return start();
    },
    [start],
  );

  return { stream, problem, isStarting, isFallback, cameras, microphones, retry: start, ensureLive, choose };
}
