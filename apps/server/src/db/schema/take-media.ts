export type TakeMediaStatusValue = 'queued' | 'processing' | 'ready' | 'failed';

/** What processing made of one saved (non-practice) take; the original upload is never changed. */
export interface TakeMediaTable {
  take_id: string;
  organisation_id: string;
  /** queued (also between retries), processing, ready, or failed after the last try. */
  status: TakeMediaStatusValue;
  /** Why the last try failed, for admins; null once processing succeeds. */
  error: string | null;
  /** Tries so far, manual retries included. */
  attempts: number;
  /** Times the sweep queued it again after finding it stuck; an admin's retry starts it at 0 again. */
  recoveries: number;
  /** Length of the recording as uploaded. */
  source_duration_ms: number | null;
  /** Length of the processed media, which is cut at the answer's limit plus a grace. */
  duration_ms: number | null;
  /** 0/1: 1 when the recording ran past the limit and the processed media was cut (the original is kept whole). */
  is_trimmed: number;
  /** H.264/AAC MP4 (video/mp4), or AAC in MP4 (audio/mp4) for an answer without video. */
  playback_key: string | null;
  playback_mime: string | null;
  /** bigint: a string from pg at run time; read it through Number(). */
  playback_bytes: number | null;
  /** JPEG still of a video answer. */
  poster_key: string | null;
  poster_mime: string | null;
  poster_bytes: number | null;
  /** 16 kHz mono WAV for the transcriber; null when the recording has no sound track. */
  transcript_audio_key: string | null;
  transcript_audio_mime: string | null;
  transcript_audio_bytes: number | null;
  queued_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** While a try runs, its worker renews this; a try whose lease ran out is stuck (its worker died or hung). */
  lease_expires_at: string | null;
}
