import { promptVideoMaxBytes, promptVideoMaxSeconds, promptVideoTypes } from '@oneway/shared';
import { formatDuration } from '../format/durations.ts';

export const videoFileAccept = [...promptVideoTypes, '.webm', '.mp4', '.mov', '.m4v'].join(',');

/** The problem with a chosen video file that the browser can tell before sending it, or null. */
export async function checkVideoFile(file: File): Promise<string | null> {
  if (!(promptVideoTypes as readonly string[]).includes(file.type)) {
    return 'Choose an MP4, MOV or WebM video file.';
  }
  if (file.size > promptVideoMaxBytes) return 'The video must be 500 MB or smaller.';
  const seconds = await readDuration(file);
  if (seconds !== null && seconds > promptVideoMaxSeconds + 0.5) {
    return `The video is ${formatDuration(Math.round(seconds))} long; it can be at most ${formatDuration(promptVideoMaxSeconds)}.`;
  }
  return null;
}

/** The file's length as the browser reads it; null when it cannot (some MOV codecs): the server checks then. */
function readDuration(file: File): Promise<number | null> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    const url = URL.createObjectURL(file);
    const finish = (seconds: number | null) => {
      window.clearTimeout(timeout);
      URL.revokeObjectURL(url);
      video.removeAttribute('src');
      resolve(seconds !== null && Number.isFinite(seconds) ? seconds : null);
    };
    const timeout = window.setTimeout(() => finish(null), 5_000);
    video.preload = 'metadata';
    video.addEventListener('loadedmetadata', () => finish(video.duration));
    video.addEventListener('error', () => finish(null));
    video.src = url;
  });
}
