import { useCallback, useEffect, useRef, useState } from 'react';
import {
  listDeviceOptions,
  openChosenDevices,
  readDeviceChoice,
  saveDeviceChoice,
  type DeviceChoice,
} from './deviceChoice.ts';

/** Why the camera or microphone could not start, in the words the page explains. */
export type MediaProblem = 'blocked' | 'noDevice' | 'inUse' | 'unsupported' | 'unknown';

export interface DeviceOption {
  deviceId: string;
  label: string;
}

export function problemOf(error: unknown): MediaProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'blocked';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noDevice';
  if (name === 'NotReadableError' || name === 'AbortError') return 'inUse';
  if (name === 'TypeError') return 'unsupported';
  return 'unknown';
}

const stopTracks = (stream: MediaStream | null) => stream?.getTracks().forEach((track) => track.stop());

/**
 * The camera and microphone stream: the front camera unless one was chosen (this session, see deviceChoice.ts),
 * restarted when the choice changes, and stopped when the page is left.
 */
export function useMediaStream() {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MediaProblem | null>(null);
  const [isStarting, setIsStarting] = useState(true);
  const [cameras, setCameras] = useState<DeviceOption[]>([]);
  const [microphones, setMicrophones] = useState<DeviceOption[]>([]);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [microphoneId, setMicrophoneId] = useState<string | null>(null);
  const [isFallback, setIsFallback] = useState(false);
  const current = useRef<MediaStream | null>(null);
  // Each start gets a number; a slower earlier start that finishes late stops its own tracks instead of winning.
  const attempt = useRef(0);

  const start = useCallback(async (choice: DeviceChoice) => {
    const mine = ++attempt.current;
    stopTracks(current.current);
    current.current = null;
    setStream(null);
    setProblem(null);
    setIsStarting(true);
    try {
      const { stream: next, isFallback: fellBack } = await openChosenDevices(choice, { video: true });
      if (mine !== attempt.current) {
        stopTracks(next);
        return;
      }
      current.current = next;
      setStream(next);
      setIsFallback(fellBack);
      const options = await listDeviceOptions();
      setCameras(options.cameras);
      setMicrophones(options.microphones);
      setCameraId(next.getVideoTracks()[0]?.getSettings().deviceId ?? null);
      setMicrophoneId(next.getAudioTracks()[0]?.getSettings().deviceId ?? null);
    } catch (error) {
      if (mine === attempt.current) setProblem(problemOf(error));
    } finally {
      if (mine === attempt.current) setIsStarting(false);
    }
  }, []);

  // The candidate's own choice is kept for the questions; what the browser picked by default is not.
  const choose = (choice: DeviceChoice) => {
    saveDeviceChoice(choice);
    return start(choice);
  };

  useEffect(() => {
    void start(readDeviceChoice());
    return () => {
      attempt.current++;
      stopTracks(current.current);
      current.current = null;
    };
  }, [start]);

  return {
    stream,
    problem,
    isStarting,
    cameras,
    microphones,
    cameraId,
    microphoneId,
    isFallback,
    retry: () => start({ cameraId, microphoneId }),
    chooseCamera: (id: string) => choose({ cameraId: id, microphoneId }),
    chooseMicrophone: (id: string) => choose({ cameraId, microphoneId: id }),
  };
}
