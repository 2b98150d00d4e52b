/** The recording formats we can take, in order of preference (WebM in Chromium/Firefox, MP4 in Safari). */
export const recordingMimeTypes = ['video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'] as const;

export interface BrowserSupport {
  getUserMedia: boolean;
  mediaRecorder: boolean;
  /** The first format this browser records, or null. */
  mimeType: string | null;
  indexedDb: boolean;
  isSupported: boolean;
}

/** What the recording flow needs from the browser: camera access, MediaRecorder with a format we take, IndexedDB. */
export function checkBrowserSupport(): BrowserSupport {
  const getUserMedia = typeof navigator.mediaDevices?.getUserMedia === 'function';
  const mediaRecorder = typeof MediaRecorder === 'function';
  const mimeType = mediaRecorder
    ? (recordingMimeTypes.find((type) => MediaRecorder.isTypeSupported(type)) ?? null)
    : null;
  const indexedDb = typeof indexedDB !== 'undefined';
  return {
    getUserMedia,
    mediaRecorder,
    mimeType,
    indexedDb,
    isSupported: getUserMedia && mediaRecorder && mimeType !== null && indexedDb,
  };
}
