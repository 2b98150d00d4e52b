import { describe, expect, it } from 'vitest';
import { decideRange } from './http-range.ts';

describe('decideRange', () => {
  const size = 1000;

  it('serves the whole file without a Range header', () => {
    expect(decideRange(undefined, size)).toEqual({ kind: 'full' });
  });

  it('reads bytes=a-b, bytes=a- and bytes=-n', () => {
    expect(decideRange('bytes=0-99', size)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(decideRange('bytes=900-', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(decideRange('bytes=-100', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(decideRange(' Bytes = 10-10 ', size)).toEqual({ kind: 'partial', start: 10, end: 10 });
  });

  it('cuts an end past the file, and a suffix longer than the file, to the file', () => {
    expect(decideRange('bytes=990-5000', size)).toEqual({ kind: 'partial', start: 990, end: 999 });
    expect(decideRange('bytes=-5000', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
  });

  it('refuses a range that starts at or past the end', () => {
    expect(decideRange('bytes=1000-', size)).toMatchObject({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=5000-6000', size)).toMatchObject({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=99999999999999999999-', size)).toMatchObject({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=-0', size)).toMatchObject({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=0-', 0)).toMatchObject({ kind: 'unsatisfiable' });
  });

  it('refuses malformed bytes ranges', () => {
    for (const header of [
      'bytes=abc',
      'bytes=5-2',
      'bytes=',
      'bytes=--5',
      'bytes=1-2-3',
      'garbage',
      'bytes=0x10-',
    ]) {
      expect(decideRange(header, size), header).toMatchObject({
        kind: 'unsatisfiable',
        message: expect.stringMatching(/malformed/) as string,
      });
    }
  });

  it('ignores other units and several ranges, serving the whole file', () => {
    expect(decideRange('items=0-5', size)).toEqual({ kind: 'full' });
    expect(decideRange('bytes=0-1,5-6', size)).toEqual({ kind: 'full' });
  });
});
