import { describe, expect, it } from 'vitest';
import { Sha256 } from './hash.ts';

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
const webCrypto = async (bytes: Uint8Array<ArrayBuffer>) => hex(await crypto.subtle.digest('SHA-256', bytes));
const text = (value: string) => new TextEncoder().encode(value);

/** A deterministic pseudo-random source, so a failure can be replayed. */
function randomSource(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

describe('Sha256', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(new Sha256().digestHex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(new Sha256().update(text('abc')).digestHex()).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(
      new Sha256().update(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).digestHex(),
    ).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    const million = new Uint8Array(1_000_000).fill(0x61);
    expect(new Sha256().update(million).digestHex()).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('equals WebCrypto for every length around the padding boundaries', async () => {
    const next = randomSource(7);
    const bytes = Uint8Array.from({ length: 200 }, () => Math.floor(next() * 256));
    for (let length = 0; length <= bytes.length; length++) {
      const part = bytes.subarray(0, length);
      expect(new Sha256().update(part).digestHex(), `length ${length}`).toBe(await webCrypto(part));
    }
  });

  it('equals WebCrypto of the whole for random chunkings', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const next = randomSource(seed);
      const total = Math.floor(next() * 300_000);
      const bytes = Uint8Array.from({ length: total }, () => Math.floor(next() * 256));
      const hash = new Sha256();
      for (let at = 0; at < total;) {
        // Mostly small and odd pieces (to cross block edges in every way), now and then a large one.
        const size = next() < 0.1 ? Math.floor(next() * 100_000) : Math.floor(next() * 150);
        const end = Math.min(total, at + size);
        // Sometimes as an ArrayBuffer, as chunks come from Blob.arrayBuffer().
        hash.update(next() < 0.5 ? bytes.slice(at, end).buffer : bytes.subarray(at, end));
        at = end;
      }
      expect(hash.digestHex(), `seed ${seed}, ${total} bytes`).toBe(await webCrypto(bytes));
    }
  });

  it('takes no update after its digest', () => {
    const hash = new Sha256().update(text('abc'));
    hash.digestHex();
    expect(() => hash.update(text('d'))).toThrow(/already finished/);
    expect(() => hash.digestHex()).toThrow(/already finished/);
  });
});
