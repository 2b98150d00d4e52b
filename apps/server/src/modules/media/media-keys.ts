/** The files processing makes from a take, by file name extension. */
export const derivedExtensions = {
  videoPlayback: 'mp4',
  audioPlayback: 'm4a',
  poster: 'jpg',
} as const;

/**
 * The 16 kHz WAV processing made for a transcriber until 2026-12 (no feature used it); the hourly clean-up deletes
 * the ones left (docs/decisions.md).
 */
export const legacyTranscriptAudioExtension = 'wav';

export type DerivedExtension = (typeof derivedExtensions)[keyof typeof derivedExtensions];

/**
 * Where a file made from a take is stored: next to the original (`<organisation>/<invitation>/<take>.bin`), built
 * from server ids only, so the same take always maps to the same keys and a rerun overwrites its own files.
 */
export const derivedKeyOf = (
  take: { id: string; organisation_id: string; invitation_id: string },
  extension: DerivedExtension | typeof legacyTranscriptAudioExtension,
): string => `${take.organisation_id}/${take.invitation_id}/${take.id}.${extension}`;

/** Every file processing makes or made from a take, old WAVs included: what deleting a take's files goes through. */
export const everyDerivedExtension: (DerivedExtension | typeof legacyTranscriptAudioExtension)[] = [
  ...Object.values(derivedExtensions),
  legacyTranscriptAudioExtension,
];
