/** MediaRecorder options Chromium understands beyond the standard ones. */
interface RecorderOptions extends MediaRecorderOptions {
  /** Chromium: a key frame at least this often (ms); MP4 is cut into one chunk per key frame. */
  videoKeyFrameIntervalDuration?: number;
}

export interface RecordingFormat {
  /** '' lets the browser choose (it then names its choice once recording). */
  mimeType: string;
  options: RecorderOptions;
}

const videoTypes = ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm'];
const audioTypes = ['audio/webm;codecs=opus', 'audio/webm'];
// Safari records MP4 (H.264/AAC); Chromium can too, but only cuts 1 s chunks with a 1 s key frame interval.
const videoMp4Types = ['video/mp4;codecs=avc1,mp4a.40.2', 'video/mp4'];
const audioMp4Types = ['audio/mp4;codecs=mp4a.40.2', 'audio/mp4'];

/** WebM (VP9/VP8 + Opus) where the browser has it, else MP4. */
export function pickRecordingFormat(
  kind: 'video' | 'audio',
  isTypeSupported: (type: string) => boolean,
): RecordingFormat {
  const webm = (kind === 'video' ? videoTypes : audioTypes).find(isTypeSupported);
  if (webm) return { mimeType: webm, options: { mimeType: webm } };
  const mp4 = (kind === 'video' ? videoMp4Types : audioMp4Types).find(isTypeSupported);
  if (mp4) {
    return {
      mimeType: mp4,
      options: kind === 'video' ? { mimeType: mp4, videoKeyFrameIntervalDuration: 1_000 } : { mimeType: mp4 },
    };
  }
  return { mimeType: '', options: {} };
}

export type RecorderFailure = 'track_ended' | 'recorder_error';

export interface TakeRecording {
  /** The container actually recorded. */
  readonly mimeType: string;
  /** Resolves once the recorder runs. */
  start(): Promise<void>;
  /** Resolves after the last chunk was delivered; also when the recorder had already stopped. */
  stop(): Promise<void>;
}

/** One chunk a second. */
export const chunkIntervalMs = 1_000;

/**
 * Records `stream` (only its audio for an audio answer) into 1 s chunks. A camera or microphone that goes away
 * ('ended') or a recorder error stops the recording and reports why; what was recorded until then is delivered.
 */
export function createTakeRecording(options: {
  stream: MediaStream;
  kind: 'video' | 'audio';
  onChunk: (chunk: Blob) => void;
  onFailure: (reason: RecorderFailure) => void;
}): TakeRecording {
  const format = pickRecordingFormat(options.kind, (type) => MediaRecorder.isTypeSupported(type));
  const tracks = options.kind === 'audio' ? options.stream.getAudioTracks() : options.stream.getTracks();
  const recorder = new MediaRecorder(new MediaStream(tracks), format.options);
  let failure: RecorderFailure | null = null;
  let stopRequested = false;
  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });

  const fail = (reason: RecorderFailure) => {
    if (failure || stopRequested) return;
    failure = reason;
    cleanUp();
    if (recorder.state !== 'inactive') recorder.stop();
    options.onFailure(reason);
  };
  const onTrackEnded = () => fail('track_ended');
  const onError = () => fail('recorder_error');
  const cleanUp = () => {
    for (const track of tracks) track.removeEventListener('ended', onTrackEnded);
    recorder.removeEventListener('error', onError);
  };

  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) options.onChunk(event.data);
  });
  recorder.addEventListener('error', onError);
  recorder.addEventListener('stop', () => {
    cleanUp();
    // A recorder that stops on its own (every track gone) failed, even if no track said 'ended' first.
    if (!stopRequested && !failure) {
      failure = 'recorder_error';
      options.onFailure('recorder_error');
    }
    resolveStopped();
  });
  for (const track of tracks) track.addEventListener('ended', onTrackEnded);

  return {
    get mimeType() {
      return recorder.mimeType || format.mimeType;
    },
    start() {
      return new Promise<void>((resolve, reject) => {
        if (tracks.some((track) => track.readyState === 'ended')) {
          reject(new Error('A camera or microphone track has already ended'));
          return;
        }
        recorder.addEventListener('start', () => resolve(), { once: true });
        void stopped.then(() => reject(new Error('The recorder stopped before it started')));
        try {
          recorder.start(chunkIntervalMs);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    stop() {
      stopRequested = true;
      if (recorder.state !== 'inactive') recorder.stop();
      else if (!failure) resolveStopped();
      return stopped;
    },
  };
}
