import { describe, expect, it } from 'vitest';
import type { TakeStatusValue } from '../../db/schema/takes.ts';
import { decideTakeCost } from './take-rules.ts';

const take = (status: TakeStatusValue, counts = 1) => ({ status, counts_against_limit: counts });

describe('decideTakeCost', () => {
  it('counts ordinary takes down to zero, then refuses', () => {
    expect(decideTakeCost({ previous: [], limit: 2, reason: undefined })).toEqual({
      countsAgainstLimit: true,
      takesLeft: 1,
    });
    expect(() =>
      decideTakeCost({ previous: [take('uploaded'), take('uploaded')], limit: 2, reason: undefined }),
    ).toThrow(/every take/);
  });

  it('makes a take free only with a reason and a previous take that failed or never finished', () => {
    for (const status of ['failed', 'open', 'uploading'] as const) {
      expect(decideTakeCost({ previous: [take(status)], limit: 1, reason: 'technical_failure' })).toEqual({
        countsAgainstLimit: false,
        takesLeft: 0,
      });
    }
    expect(() => decideTakeCost({ previous: [take('uploaded')], limit: 1, reason: 'recovery' })).toThrow();
    expect(() => decideTakeCost({ previous: [take('failed')], limit: 1, reason: undefined })).toThrow();
    expect(() => decideTakeCost({ previous: [], limit: 0, reason: 'recovery' })).toThrow();
  });

  it('stops giving free takes after three', () => {
    const previous = [take('uploaded'), take('failed', 0), take('failed', 0), take('failed', 0)];
    expect(decideTakeCost({ previous, limit: 2, reason: 'technical_failure' })).toEqual({
      countsAgainstLimit: true,
      takesLeft: 0,
    });
  });

  it('never limits practice', () => {
    expect(
      decideTakeCost({
        previous: Array.from({ length: 20 }, () => take('uploaded')),
        limit: null,
        reason: undefined,
      }).takesLeft,
    ).toBeNull();
  });
});
