import { describe, expect, it } from 'vitest';
import { chooseTakeOver, forgetTakeOver, takeOverOption } from './useHandover.ts';

describe('the take-over choice', () => {
  it('is sent with the next take only once the candidate chose it, and only with that one', () => {
    expect(takeOverOption()).toEqual({});
    chooseTakeOver();
    expect(takeOverOption()).toEqual({ takeOver: true });
    forgetTakeOver();
    expect(takeOverOption()).toEqual({});
  });
});
