import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signMediaToken, verifyMediaToken, type MediaClaims } from './media-token.ts';

describe('signed media tokens', () => {
  const secret = randomBytes(32);
  const now = new Date('2026-03-02T09:00:00Z');
  const claims: MediaClaims = {
    kind: 'video',
    mediaId: 'take-1',
    organisationId: 'org-1',
    shareLinkId: null,
    expiresAt: Math.floor(now.getTime() / 1000) + 60,
  };

  it('round-trips its claims', () => {
    const token = signMediaToken(secret, claims);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyMediaToken(secret, token, now)).toEqual({ ok: true, claims });
  });

  it('calls a token past its time expired', () => {
    const token = signMediaToken(secret, claims);
    expect(verifyMediaToken(secret, token, new Date(now.getTime() + 60_000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('calls any change invalid: another payload, signature, secret, or no signature', () => {
    const token = signMediaToken(secret, claims);
    const [payload = '', signature = ''] = token.split('.');
    const other = signMediaToken(secret, { ...claims, mediaId: 'take-2' }).split('.')[0] ?? '';
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [
      `${other}.${signature}`,
      `${payload}.${flipped}`,
      payload,
      `${payload}.`,
      `${payload}.${signature}.x`,
      `${payload}.${signature.slice(0, 20)}`,
      'not a token',
    ]) {
      expect(verifyMediaToken(secret, bad, now), bad).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(verifyMediaToken(randomBytes(32), token, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a signature that differs only in the spare bits of its last character', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const token = signMediaToken(secret, claims);
    const last = alphabet.indexOf(token.at(-1) ?? '');
    const twin = `${token.slice(0, -1)}${alphabet[last ^ 1]}`;
    const signatureOf = (t: string) => Buffer.from(t.split('.')[1] ?? '', 'base64url');
    expect(signatureOf(twin).equals(signatureOf(token))).toBe(true);
    expect(verifyMediaToken(secret, twin, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each(['prompt-video', 'prompt-poster', 'prompt-captions'] as const)(
    'round-trips a prompt video token of kind %s, which names another file than a take token',
    (kind) => {
      const prompt: MediaClaims = { ...claims, kind, mediaId: 'video-1' };
      const token = signMediaToken(secret, prompt);
      expect(verifyMediaToken(secret, token, now)).toEqual({ ok: true, claims: prompt });
      expect(token).not.toBe(signMediaToken(secret, { ...prompt, kind: 'video' }));
    },
  );

  it("round-trips a candidate's own-take token, which names another file than a members' answer token", () => {
    const own: MediaClaims = { ...claims, kind: 'candidate-take' };
    const token = signMediaToken(secret, own);
    expect(verifyMediaToken(secret, token, now)).toEqual({ ok: true, claims: own });
    expect(token).not.toBe(signMediaToken(secret, { ...own, kind: 'video' }));
    // The members' codes are unchanged, so addresses issued before this kind existed still verify.
    const codeOf = (signed: string) =>
      (JSON.parse(Buffer.from(signed.split('.')[0] ?? '', 'base64url').toString()) as unknown[])[0];
    expect(codeOf(token)).toBe('ct');
    expect(codeOf(signMediaToken(secret, claims))).toBe('v');
  });
});
