import { describe, expect, it } from 'vitest';
import { createSoundDetector, isSoundHeard } from './soundDetector.ts';

describe('the sound detector', () => {
  it('hears nothing from a silent microphone, however long', () => {
    expect(isSoundHeard(Array.from({ length: 600 }, () => 0))).toBe(false);
  });

  it('does not take a laptop microphone’s own noise for a voice', () => {
    expect(isSoundHeard(Array.from({ length: 600 }, (_, i) => 5 + (i % 5)))).toBe(false);
  });

  it('does not take one click or two loud readings for a voice', () => {
    expect(isSoundHeard([0, 80, 0, 0, 90, 95, 0, 0])).toBe(false);
  });

  it('hears speech: the level above the threshold for three readings in a row', () => {
    expect(isSoundHeard([0, 0, 20, 35, 15, 0])).toBe(true);
  });

  it('keeps having heard once it has, whatever follows', () => {
    const detector = createSoundDetector();
    for (const level of [30, 30, 30]) detector.push(level);
    expect(detector.push(0)).toBe(true);
    expect(detector.isHeard).toBe(true);
  });

  it('takes a threshold and run length of its own', () => {
    const detector = createSoundDetector({ level: 50, readingsInARow: 2 });
    expect(detector.push(40)).toBe(false);
    expect(detector.push(50)).toBe(false);
    expect(detector.push(60)).toBe(true);
  });
});
