import { describe, expect, it } from 'vitest';
import { toCanonicalJson } from './interview-snapshot.ts';

describe('canonical snapshot JSON', () => {
  it('gives the same text whatever the key order', () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: null }], x: 'é' } };
    const b = { a: { x: 'é', y: [1, { p: null, q: 2 }] }, b: 1 };
    expect(toCanonicalJson(a)).toBe(toCanonicalJson(b));
    expect(toCanonicalJson(a)).toBe('{"a":{"x":"é","y":[1,{"p":null,"q":2}]},"b":1}');
  });

  it('keeps array order, which is meaningful', () => {
    expect(toCanonicalJson([2, 1])).not.toBe(toCanonicalJson([1, 2]));
  });

  it('leaves out undefined fields as JSON does', () => {
    expect(toCanonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});
