import type { DeviceOption } from './useMediaStream.ts';

/** The camera and microphone the candidate chose, by deviceId; null means the browser's default. */
export interface DeviceChoice {
  cameraId: string | null;
  microphoneId: string | null;
}

// Kept for the browser tab's session, so the questions open the devices chosen on the device check.
const storageKey = 'oneway.devices';
const noChoice: DeviceChoice = { cameraId: null, microphoneId: null };

const idOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

export function readDeviceChoice(): DeviceChoice {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return noChoice;
    const { cameraId, microphoneId } = parsed as Record<string, unknown>;
    return { cameraId: idOf(cameraId), microphoneId: idOf(microphoneId) };
  } catch {
    return noChoice; // storage blocked or a value from elsewhere: the defaults
  }
}

export function saveDeviceChoice(choice: DeviceChoice): void {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(choice));
  } catch {
    // Storage blocked (some private windows): the choice holds for this page only.
  }
}

const isGone = (error: unknown) =>
  error instanceof Error && (error.name === 'OverconstrainedError' || error.name === 'NotFoundError');

/**
 * Opens the chosen camera (when `video`) and microphone, or the front camera and default microphone when none was
 * chosen. A chosen device that is gone (unplugged, another browser profile) falls back to the default, and the
 * choice is forgotten; `isFallback` says so, for a note to the candidate.
 */
export async function openChosenDevices(
  choice: DeviceChoice,
  options: { video: boolean },
): Promise<{ stream: MediaStream; isFallback: boolean }> {
  if (typeof navigator.mediaDevices?.getUserMedia !== 'function') throw new TypeError('No getUserMedia');
  const open = (wanted: DeviceChoice) =>
    navigator.mediaDevices.getUserMedia({
      video: options.video
        ? wanted.cameraId
          ? { deviceId: { exact: wanted.cameraId } }
          : { facingMode: 'user' }
        : false,
      audio: wanted.microphoneId ? { deviceId: { exact: wanted.microphoneId } } : true,
    });
  const hasChoice = (options.video && choice.cameraId !== null) || choice.microphoneId !== null;
  try {
    return { stream: await open(choice), isFallback: false };
  } catch (error) {
    if (!hasChoice || !isGone(error)) throw error;
    saveDeviceChoice(noChoice);
    return { stream: await open(noChoice), isFallback: true };
  }
}

/** The cameras and microphones the browser lists (with names once access was given). */
export async function listDeviceOptions(): Promise<{ cameras: DeviceOption[]; microphones: DeviceOption[] }> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const optionsOf = (kind: MediaDeviceKind, fallback: string) =>
    devices
      .filter((d) => d.kind === kind && d.deviceId)
      .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${fallback} ${i + 1}` }));
  return { cameras: optionsOf('videoinput', 'Camera'), microphones: optionsOf('audioinput', 'Microphone') };
}
