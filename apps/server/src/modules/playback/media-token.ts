import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The file an address names: an answer's video or poster (of a take), a candidate's own saved take (chosen as the
 * answer or not), or a prompt video's video, poster or captions (of a prompt video).
 */
export type MediaKind =
  'video' | 'poster' | 'candidate-take' | 'prompt-video' | 'prompt-poster' | 'prompt-captions';

/** What a signed media address grants: one file of one take or prompt video, until a moment; through a share link or not. */
export interface MediaClaims {
  kind: MediaKind;
  /** The take's id, or the prompt video's for the prompt kinds. */
  mediaId: string;
  organisationId: string;
  /** Set when a guest's share link issued it: a revoked link stops its media at once. */
  shareLinkId: string | null;
  /** Unix seconds. */
  expiresAt: number;
}

export type MediaTokenCheck =
  { ok: true; claims: MediaClaims } | { ok: false; reason: 'invalid' | 'expired' };

const kinds = {
  v: 'video',
  p: 'poster',
  ct: 'candidate-take',
  pv: 'prompt-video',
  pp: 'prompt-poster',
  pc: 'prompt-captions',
} as const satisfies Record<string, MediaKind>;
type KindCode = keyof typeof kinds;
const codeOf = Object.fromEntries(Object.entries(kinds).map(([code, kind]) => [kind, code])) as Record<
  MediaKind,
  KindCode
>;
const isKindCode = (value: unknown): value is KindCode =>
  typeof value === 'string' && Object.hasOwn(kinds, value);
const base64url = /^[A-Za-z0-9_-]+$/;

const sign = (secret: Buffer, payload: string): Buffer =>
  createHmac('sha256', secret).update(`oneway-media-v1.${payload}`).digest();

/** `<payload>.<HMAC-SHA256>`, both base64url: compact enough for a URL path, checked without the database. */
export function signMediaToken(secret: Buffer, claims: MediaClaims): string {
  const payload = Buffer.from(
    JSON.stringify([
      codeOf[claims.kind],
      claims.mediaId,
      claims.organisationId,
      claims.shareLinkId,
      claims.expiresAt,
    ]),
  ).toString('base64url');
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

function parseClaims(payload: string): MediaClaims | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) return null;
  const [kind, mediaId, organisationId, shareLinkId, expiresAt] = parsed as unknown[];
  if (!isKindCode(kind)) return null;
  if (typeof mediaId !== 'string' || typeof organisationId !== 'string') return null;
  if (shareLinkId !== null && typeof shareLinkId !== 'string') return null;
  if (typeof expiresAt !== 'number' || !Number.isSafeInteger(expiresAt)) return null;
  return { kind: kinds[kind], mediaId, organisationId, shareLinkId, expiresAt };
}

/**
 * Checks the signature first (in constant time), then the expiry: a token changed in any character is `invalid`;
 * a genuine one past its time is `expired`.
 */
export function verifyMediaToken(secret: Buffer, token: string, now: Date): MediaTokenCheck {
  const parts = token.split('.');
  const [payload, signature] = parts;
  if (
    parts.length !== 2 ||
    !payload ||
    !signature ||
    !base64url.test(payload) ||
    !base64url.test(signature)
  ) {
    return { ok: false, reason: 'invalid' };
  }
  // Compared as text, not as decoded bytes: base64url's last character carries spare bits, so two different
  // strings can decode to the same bytes, and only the exact signature the server issued is valid.
  const expected = Buffer.from(sign(secret, payload).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  const claims = parseClaims(payload);
  if (!claims) return { ok: false, reason: 'invalid' };
  if (claims.expiresAt * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
