import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * SHA-256 fed piece by piece, so the digest of a recording is ready at stop instead of reading it all again:
 * each chunk is hashed as it is kept. @noble/hashes (audited, maintained, pure JavaScript: the page's
 * Content-Security-Policy allows no WebAssembly) does the work.
 */
export class Sha256 {
  private readonly hash = sha256.create();
  private finished = false;

  /** Adds the next bytes. */
  update(data: ArrayBuffer | Uint8Array): this {
    if (this.finished) throw new Error('This hash is already finished');
    this.hash.update(data instanceof Uint8Array ? data : new Uint8Array(data));
    return this;
  }

  /** The digest as lowercase hex, as the server reports it; the hash takes nothing more after it. */
  digestHex(): string {
    if (this.finished) throw new Error('This hash is already finished');
    this.finished = true;
    return bytesToHex(this.hash.digest());
  }
}

/** The SHA-256 of a whole Blob as lowercase hex (WebCrypto: one buffer at once is its fastest case). */
export async function sha256HexOfBlob(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
