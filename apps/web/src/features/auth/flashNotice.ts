/**
 * A notice for the next page, kept outside router state because signing out redirects through
 * RequireSession rather than through a navigate() call that could carry state.
 */
let pendingNotice: string | null = null;

export function setFlashNotice(message: string): void {
  pendingNotice = message;
}

/** Reads the notice without clearing it (render must stay pure); call clearFlashNotice from an effect. */
export function peekFlashNotice(): string | null {
  return pendingNotice;
}

export function clearFlashNotice(): void {
  pendingNotice = null;
}
