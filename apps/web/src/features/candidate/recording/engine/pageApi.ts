import { browserEngine } from './engine.ts';
import type { RecoverableTake } from './types.ts';

/** Takes kept on this device whose upload never finished (see recovery.ts), for the page's recovery offer. */
export function listRecoverableTakes(): Promise<RecoverableTake[]> {
  return browserEngine().listRecoverableTakes();
}

/** Forgets a recovered take on this device; never one another tab is still recording or finishing. */
export function discardRecoveredTake(takeId: string): Promise<void> {
  return browserEngine().discardRecoveredTake(takeId);
}
