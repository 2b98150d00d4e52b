import { useEffect, useState } from 'react';
import { createSoundDetector } from './soundDetector.ts';

/**
 * Calls `onLevel` with the microphone's loudness, 0 to 100, about ten times a second (Web Audio AnalyserNode);
 * answers the function that stops it. Every reading is passed on, even a repeat, so a detector can count them.
 */
export function watchMicrophoneLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  // Coming from a click (sticky user activation), the context may still start suspended in some browsers.
  void context.resume().catch(() => undefined);
  const samples = new Float32Array(analyser.fftSize);
  const timer = window.setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    const rms = Math.sqrt(sum / samples.length);
    // Square root spreads quiet speech (RMS ~0.02-0.2) across the meter instead of leaving it near zero.
    onLevel(Math.min(100, Math.round(Math.sqrt(rms) * 160)));
  }, 100);
  return () => {
    window.clearInterval(timer);
    source.disconnect();
    void context.close().catch(() => undefined);
  };
}

const hasAudio = (stream: MediaStream | null): stream is MediaStream =>
  stream !== null && stream.getAudioTracks().length > 0;

/** The microphone's loudness, 0 to 100, about ten times a second. */
export function useMicrophoneLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);

  useEffect(() => {
    if (!hasAudio(stream)) {
      setLevel(0);
      return;
    }
    return watchMicrophoneLevel(stream, setLevel);
  }, [stream]);

  return level;
}

/**
 * Whether the microphone has heard the candidate (see soundDetector.ts) while `isListening`; starts again from
 * "not heard" with each new stream and each time listening starts.
 */
export function useSoundHeard(stream: MediaStream | null, isListening = true): boolean {
  const [isHeard, setIsHeard] = useState(false);

  useEffect(() => {
    if (!isListening) return;
    setIsHeard(false);
    if (!hasAudio(stream)) return;
    const detector = createSoundDetector();
    const stop = watchMicrophoneLevel(stream, (level) => {
      if (detector.push(level)) setIsHeard(true);
    });
    return stop;
  }, [stream, isListening]);

  return isHeard;
}
