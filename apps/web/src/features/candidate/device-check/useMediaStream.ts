import { useCallback, useEffect, useRef, useState } from 'react';

/** Why the camera or microphone could not start, in the words the page explains. */
export type MediaProblem = 'blocked' | 'noDevice' | 'inUse' | 'unsupported' | 'unknown';

export interface DeviceOption {
  deviceId: string;
  label: string;
}

function problemOf(error: unknown): MediaProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'blocked';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noDevice';
  if (name === 'NotReadableError' || name === 'AbortError') return 'inUse';
  if (name === 'TypeError') return 'unsupported';
  return 'unknown';
}

const stopTracks = (stream: MediaStream | null) => stream?.getTracks().forEach((track) => track.stop());

/**
 * The camera and microphone stream: the front camera unless one was chosen, restarted when the choice changes,
 * and stopped when the page is left.
 */
export function useMediaStream() {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MediaProblem | null>(null);
  const [isStarting, setIsStarting] = useState(true);
  const [cameras, setCameras] = useState<DeviceOption[]>([]);
  const [microphones, setMicrophones] = useState<DeviceOption[]>([]);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [microphoneId, setMicrophoneId] = useState<string | null>(null);
  const current = useRef<MediaStream | null>(null);
  // Each start gets a number; a slower earlier start that finishes late stops its own tracks instead of winning.
  const attempt = useRef(0);

  const start = useCallback(async (choice: { cameraId: string | null; microphoneId: string | null }) => {
    const mine = ++attempt.current;
    stopTracks(current.current);
    current.current = null;
    setStream(null);
    setProblem(null);
    setIsStarting(true);
    try {
      if (typeof navigator.mediaDevices?.getUserMedia !== 'function') throw new TypeError('No getUserMedia');
      const next = await navigator.mediaDevices.getUserMedia({
        video: choice.cameraId ? { deviceId: { exact: choice.cameraId } } : { facingMode: 'user' },
        audio: choice.microphoneId ? { deviceId: { exact: choice.microphoneId } } : true,
      });
      if (mine !== attempt.current) {
        stopTracks(next);
        return;
      }
      current.current = next;
      setStream(next);
      const devices = await navigator.mediaDevices.enumerateDevices();
      const optionsOf = (kind: MediaDeviceKind, fallback: string) =>
        devices
          .filter((d) => d.kind === kind && d.deviceId)
          .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${fallback} ${i + 1}` }));
      setCameras(optionsOf('videoinput', 'Camera'));
      setMicrophones(optionsOf('audioinput', 'Microphone'));
      setCameraId(next.getVideoTracks()[0]?.getSettings().deviceId ?? null);
      setMicrophoneId(next.getAudioTracks()[0]?.getSettings().deviceId ?? null);
    } catch (error) {
      if (mine === attempt.current) setProblem(problemOf(error));
    } finally {
      if (mine === attempt.current) setIsStarting(false);
    }
  }, []);

  useEffect(() => {
    void start({ cameraId: null, microphoneId: null });
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
    retry: () => start({ cameraId, microphoneId }),
    chooseCamera: (id: string) => start({ cameraId: id, microphoneId }),
    chooseMicrophone: (id: string) => start({ cameraId, microphoneId: id }),
  };
}
