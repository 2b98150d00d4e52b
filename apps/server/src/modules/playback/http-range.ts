/** What to send for a request's Range header, given the file's size. */
export type RangeDecision =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable'; message: string };

const unsatisfiable = (message: string): RangeDecision => ({ kind: 'unsatisfiable', message });

/**
 * One byte range, as RFC 9110 §14 describes (`bytes=a-b`, `bytes=a-`, `bytes=-n`), with these choices:
 * - no header, another unit (`items=…`) or several ranges: the whole file (200), since a server may ignore Range;
 *   browsers ask for one range at a time;
 * - a malformed bytes range (`bytes=abc`, `bytes=5-2`, `bytes=`): 416, so a wrong request never looks right;
 * - a range starting at or past the end, or `bytes=-0`: 416, with the file's size in Content-Range;
 * - an end past the end of the file is cut to the last byte.
 */
export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return { kind: 'full' };
  const unit = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*(.*?)\s*$/.exec(header);
  if (!unit) return unsatisfiable('The Range header is malformed; use bytes=start-end.');
  if ((unit[1] ?? '').toLowerCase() !== 'bytes') return { kind: 'full' };
  const set = unit[2] ?? '';
  if (set.includes(',')) return { kind: 'full' };
  const fromTo = /^(\d+)-(\d*)$/.exec(set);
  if (fromTo) {
    const start = Number(fromTo[1]);
    const end = fromTo[2] ? Number(fromTo[2]) : size - 1;
    if (fromTo[2] && end < start) {
      return unsatisfiable('The Range header is malformed: the range ends before it starts.');
    }
    if (!Number.isSafeInteger(start) || start >= size) {
      return unsatisfiable(`The range starts past the end of the file (${size} bytes).`);
    }
    return { kind: 'partial', start, end: Math.min(end, size - 1) };
  }
  const suffix = /^-(\d+)$/.exec(set);
  if (suffix) {
    const length = Number(suffix[1]);
    if (length === 0 || size === 0) return unsatisfiable('The range asks for no bytes.');
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  return unsatisfiable('The Range header is malformed; use bytes=start-end, bytes=start- or bytes=-length.');
}
