import type { MediaTarget } from './playback.service.ts';

/**
 * Media addresses verified in the last few seconds, with the file each names. A video element asks for one
 * address many times over (a range request for every seek and every few MB), and each answer would otherwise
 * check the signature and read the take again before the first byte. An address of a share link is never kept:
 * revoking the link must stop it at once. A recording erased meanwhile is still refused, as its file is gone.
 */
export class RecentMediaTargets {
  private readonly entries = new Map<string, { target: MediaTarget; until: number }>();

  constructor(
    private readonly keepForMs = 5_000,
    private readonly capacity = 5_000,
  ) {}

  get(token: string, nowMs: number): MediaTarget | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until > nowMs) return entry.target;
    this.entries.delete(token);
    return undefined;
  }

  /** Keeps `target` for `keepForMs`, never past the address's own expiry. */
  set(token: string, target: MediaTarget, nowMs: number): void {
    const until = Math.min(nowMs + this.keepForMs, target.expiresAt.getTime());
    this.entries.delete(token);
    this.entries.set(token, { target, until });
    if (this.entries.size <= this.capacity) return;
    const oldest = this.entries.keys().next().value;
    if (oldest !== undefined) this.entries.delete(oldest);
  }
}
