import { describe, expect, it } from 'vitest';
import { uploadPercentOf } from './takeProgress.ts';

describe('uploadPercentOf', () => {
  it('moves with the bytes sent, not only with confirmed chunks', () => {
    expect(uploadPercentOf({ bytesRecorded: 1_000, bytesUploaded: 0, bytesSent: 500 })).toBe(50);
  });

  it('is never past what was recorded, never below what the server confirmed', () => {
    expect(uploadPercentOf({ bytesRecorded: 1_000, bytesUploaded: 0, bytesSent: 5_000 })).toBe(99);
    expect(uploadPercentOf({ bytesRecorded: 1_000, bytesUploaded: 400, bytesSent: 0 })).toBe(40);
    expect(uploadPercentOf({ bytesRecorded: 0, bytesUploaded: 0, bytesSent: 0 })).toBe(0);
  });

  it('never says 100 before the checksum was compared ("Saved" says that)', () => {
    expect(uploadPercentOf({ bytesRecorded: 1_000, bytesUploaded: 1_000, bytesSent: 1_000 })).toBe(99);
  });
});
