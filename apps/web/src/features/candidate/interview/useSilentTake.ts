import { useEffect, useState } from 'react';
import { createSoundDetector } from '../device-check/soundDetector.ts';
import { watchMicrophoneLevel } from '../device-check/useMicrophoneLevel.ts';

// A take shorter than this (ten readings) is too short to call silent.
const fewestReadings = 10;

/**
 * Listens to the microphone while a take records; answers true once a take of at least a second has ended without
 * the candidate ever being heard (see soundDetector.ts), until the next take starts.
 */
export function useSilentTake(stream: MediaStream | null, isRecording: boolean): boolean {
  const [isSilent, setIsSilent] = useState(false);

  useEffect(() => {
    if (!isRecording) return;
    setIsSilent(false);
    if (!stream || stream.getAudioTracks().length === 0) return;
    const detector = createSoundDetector();
    let readings = 0;
    const stop = watchMicrophoneLevel(stream, (level) => {
      readings++;
      detector.push(level);
    });
    return () => {
      stop();
      setIsSilent(!detector.isHeard && readings >= fewestReadings);
    };
  }, [stream, isRecording]);

  return isSilent;
}
