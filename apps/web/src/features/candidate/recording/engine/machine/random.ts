/**
 * A small seeded random source (xorshift32) kept in the machine's state, so transitions stay pure and a test
 * can replay the exact waits. Returns a value in [0, 1) and the next seed.
 */
export function nextRandom(seed: number): [value: number, seed: number] {
  let x = seed | 0 || 1;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  const next = x >>> 0;
  return [next / 0x1_0000_0000, next];
}
