import { useEffect, useState } from 'react';

/** The microphone's loudness, 0 to 100, about ten times a second (Web Audio AnalyserNode). */
export function useMicrophoneLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);

  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) {
      setLevel(0);
      return;
    }
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
      setLevel(Math.min(100, Math.round(Math.sqrt(rms) * 160)));
    }, 100);
    return () => {
      window.clearInterval(timer);
      source.disconnect();
      void context.close().catch(() => undefined);
    };
  }, [stream]);

  return level;
}
