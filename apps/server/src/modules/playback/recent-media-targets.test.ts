import { describe, expect, it } from 'vitest';
import { RecentMediaTargets } from './recent-media-targets.ts';

const target = (expiresAtMs: number) => ({ key: 'k', mime: 'video/mp4', expiresAt: new Date(expiresAtMs) });

describe('RecentMediaTargets', () => {
  it('keeps a verified target for a few seconds, never past its address expiry', () => {
    const recent = new RecentMediaTargets(5_000);
    recent.set('long', target(1_000_000), 0);
    recent.set('short', target(2_000), 0);
    expect(recent.get('long', 4_999)).toMatchObject({ key: 'k' });
    expect(recent.get('long', 5_000)).toBeUndefined();
    expect(recent.get('short', 1_999)).toBeDefined();
    expect(recent.get('short', 2_000)).toBeUndefined();
    expect(recent.get('never-set', 0)).toBeUndefined();
  });

  it('drops the oldest address past its capacity', () => {
    const recent = new RecentMediaTargets(5_000, 2);
    recent.set('a', target(10_000), 0);
    recent.set('b', target(10_000), 0);
    recent.set('c', target(10_000), 0);
    expect(recent.get('a', 1)).toBeUndefined();
    expect(recent.get('b', 1)).toBeDefined();
    expect(recent.get('c', 1)).toBeDefined();
  });
});
