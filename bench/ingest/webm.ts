import { randomBytes } from 'node:crypto';

/**
 * The start of a MediaRecorder WebM: EBML header (DocType webm), a Segment and a Cluster of unknown size, as a
 * live recording writes them. The server decides WebM or not by the first four bytes (1A 45 DF A3).
 */
const webmHead = Buffer.from([
  ...[0x1a, 0x45, 0xdf, 0xa3, 0x9f], // EBML, 31 bytes
  ...[0x42, 0x86, 0x81, 0x01], // EBMLVersion 1
  ...[0x42, 0xf7, 0x81, 0x01], // EBMLReadVersion 1
  ...[0x42, 0xf2, 0x81, 0x04], // EBMLMaxIDLength 4
  ...[0x42, 0xf3, 0x81, 0x08], // EBMLMaxSizeLength 8
  ...[0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d], // DocType "webm"
  ...[0x42, 0x87, 0x81, 0x04], // DocTypeVersion 4
  ...[0x42, 0x85, 0x81, 0x02], // DocTypeReadVersion 2
  ...[0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // Segment, unknown size
  ...[0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // Cluster, unknown size
  ...[0xe7, 0x81, 0x00], // Timestamp 0
]);

/** The first second of a recording: the WebM header, then incompressible bytes standing in for VP8/Opus frames. */
export function firstChunk(bytes: number): Buffer {
  const chunk = randomBytes(bytes);
  webmHead.copy(chunk, 0);
  return chunk;
}

/** Any later second: encoded media is incompressible, so random bytes cost the same to move and store. */
export function laterChunk(bytes: number): Buffer {
  return randomBytes(bytes);
}
