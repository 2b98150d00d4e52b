const seekStep = 5;

/** Controls whose own keys must keep working inside the player region. */
const ownKeys = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A']);

/**
 * The player region's shortcuts: k or space play and pause, j and l seek 5 seconds, n goes to the next question.
 * Answers true when the key was handled (so the caller stops the browser's default).
 */
export function handlePlayerKey(
  key: string,
  target: EventTarget,
  media: HTMLMediaElement | null,
  onNext: (() => void) | undefined,
): boolean {
  if (target instanceof HTMLElement && ownKeys.has(target.tagName)) return false;
  const lower = key.toLowerCase();
  if (lower === 'n' && onNext) {
    onNext();
    return true;
  }
  if (!media) return false;
  if (lower === 'k' || key === ' ') {
    if (media.paused) void media.play().catch(() => undefined);
    else media.pause();
    return true;
  }
  if (lower === 'j' || lower === 'l') {
    const end = Number.isFinite(media.duration) ? media.duration : Number.MAX_SAFE_INTEGER;
    const step = lower === 'j' ? -seekStep : seekStep;
    media.currentTime = Math.min(end, Math.max(0, media.currentTime + step));
    return true;
  }
  return false;
}
