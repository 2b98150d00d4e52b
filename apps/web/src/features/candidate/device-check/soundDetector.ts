/**
 * Whether a microphone heard the candidate, from its level readings (0-100, about ten a second, as
 * useMicrophoneLevel gives them). A level of 15 is about -41 dBFS: quiet speech reaches it, a laptop's own noise
 * (-60 to -50 dBFS, levels 5-9) does not. Three readings in a row (about 0.3 s) keep one click from counting.
 */
export const heardLevel = 15;
export const heardReadingsInARow = 3;

export interface SoundDetector {
  /** Takes the next level reading; answers true from the moment the candidate has been heard. */
  push(level: number): boolean;
  readonly isHeard: boolean;
}

export function createSoundDetector(
  options: { level?: number; readingsInARow?: number } = {},
): SoundDetector {
  const threshold = options.level ?? heardLevel;
  const needed = options.readingsInARow ?? heardReadingsInARow;
  let run = 0;
  let heard = false;
  return {
    push(level) {
      run = level >= threshold ? run + 1 : 0;
      if (run >= needed) heard = true;
      return heard;
    },
    get isHeard() {
      return heard;
    },
  };
}

/** Whether these readings, in order, ever heard the candidate. */
export function isSoundHeard(levels: readonly number[]): boolean {
  const detector = createSoundDetector();
  return levels.some((level) => detector.push(level));
}
