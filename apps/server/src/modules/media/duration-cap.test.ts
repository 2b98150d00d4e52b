import { noAccommodations } from '@oneway/shared';
import { describe, expect, it } from 'vitest';
import { decideMaxSeconds } from './duration-cap.ts';

describe('decideMaxSeconds', () => {
  const cap = (answerSeconds: number | null, timeMultiplier: 1 | 1.5 | 2 | 3 | null) =>
    decideMaxSeconds({
      answerSeconds,
      accommodations: { ...noAccommodations, timeMultiplier },
      mediaMaxSeconds: 1800,
    });

  it("keeps the question's answer limit plus 5 s of grace", () => {
    expect(cap(120, 1)).toBe(125);
  });

  it("stretches the limit by the candidate's time multiplier", () => {
    expect(cap(120, 1.5)).toBe(185);
  });

  it('uses MEDIA_MAX_SECONDS for untimed candidates and questions without a limit', () => {
    expect(cap(120, null)).toBe(1805);
    expect(cap(null, 1)).toBe(1805);
  });

  it('never goes past MEDIA_MAX_SECONDS, whatever the multiplier', () => {
    expect(cap(1200, 3)).toBe(1805);
  });
});
