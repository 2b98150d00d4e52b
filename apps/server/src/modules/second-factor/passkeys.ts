import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Passkey } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { isoIn, isoNow, type Clock } from '../../lib/time.ts';
import * as repo from './second-factor.repository.ts';

const challengeLifetimeMs = 5 * 60_000;

/** WebAuthn options in their JSON form, for @simplewebauthn/browser. */
type WebauthnOptions = Record<string, unknown>;

export const passkeyInvalid = () =>
  new AppError('second_factor_invalid', {
    message: 'The passkey could not be checked. Try again, or use another way to sign in.',
  });

export const toPasskey = (row: repo.PasskeyRow): Passkey => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

const transportsOf = (row: repo.PasskeyRow): AuthenticatorTransportFuture[] | undefined =>
  row.transports ? (JSON.parse(row.transports) as AuthenticatorTransportFuture[]) : undefined;

/** The challenge inside a WebAuthn response's clientDataJSON, or '' when it cannot be read. */
function challengeOf(response: { response?: { clientDataJSON?: unknown } }): string {
  try {
    const json = Buffer.from(String(response.response?.clientDataJSON), 'base64url').toString('utf8');
    const { challenge } = JSON.parse(json) as { challenge?: unknown };
    return typeof challenge === 'string' ? challenge : '';
  } catch {
    return '';
  }
}

/**
 * Passkeys (WebAuthn) through @simplewebauthn/server: registering one for a signed-in person, and checking one at
 * sign-in. The relying party is PUBLIC_URL's host; each challenge is stored, answered once and lives 5 minutes.
 */
export function createPasskeys({ db, config, clock }: { db: Db; config: Config; clock: Clock }) {
  const origin = new URL(config.publicUrl).origin;
  const rpID = new URL(config.publicUrl).hostname;

  async function storeChallenge(
    challenge: string,
    purpose: 'register' | 'authenticate',
    userId: string | null,
  ): Promise<void> {
    await repo.insertChallenge(db, {
      challenge,
      purpose,
      user_id: userId,
      created_at: isoNow(clock),
      expires_at: isoIn(clock, challengeLifetimeMs),
    });
  }

  /** Takes the response's challenge out; true only for a live one of this purpose (and user, when given). */
  async function takeChallenge(
    response: { response?: { clientDataJSON?: unknown } },
    purpose: 'register' | 'authenticate',
    userId: string | null,
  ): Promise<string> {
    const challenge = challengeOf(response);
    const row = challenge ? await repo.takeChallenge(db, challenge) : undefined;
    const live = row && row.purpose === purpose && Date.parse(row.expires_at) > clock.now().getTime();
    if (!live || (userId !== null && row.user_id !== userId)) throw passkeyInvalid();
    return challenge;
  }

  return {
    /** Options for the browser to create a passkey for this person (their existing ones excluded). */
    async startRegistration(user: { id: string; email: string; name: string }): Promise<WebauthnOptions> {
      const existing = await repo.listPasskeys(db, user.id);
      const options = await generateRegistrationOptions({
        rpName: 'Oneway',
        rpID,
        userName: user.email,
        userDisplayName: user.name,
        userID: new TextEncoder().encode(user.id),
        attestationType: 'none',
        excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p) })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      });
      await storeChallenge(options.challenge, 'register', user.id);
      return { ...options };
    },

    /** Checks the browser's new passkey against its challenge and keeps it. */
    async finishRegistration(options: {
      userId: string;
      response: Record<string, unknown>;
      name: string;
    }): Promise<Passkey> {
      const response = options.response as unknown as RegistrationResponseJSON;
      const expectedChallenge = await takeChallenge(response, 'register', options.userId);
      const verified = await verifyRegistrationResponse({
        response,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: false,
      }).catch(() => ({ verified: false as const }));
      if (!verified.verified) throw passkeyInvalid();
      const { credential } = verified.registrationInfo;
      const row: repo.PasskeyRow = {
        id: credential.id,
        user_id: options.userId,
        public_key: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ? JSON.stringify(credential.transports) : null,
        name: options.name,
        created_at: isoNow(clock),
        last_used_at: null,
      };
      await repo.insertPasskey(db, row);
      return toPasskey(row);
    },

    /**
     * Options for signing in with a passkey: the account's passkeys when the password was given (second factor),
     * or any passkey the browser holds for this site (sign-in with a passkey alone).
     */
    async startAuthentication(userId: string | null): Promise<WebauthnOptions> {
      const passkeys = userId ? await repo.listPasskeys(db, userId) : [];
      const options = await generateAuthenticationOptions({
        rpID,
        allowCredentials: passkeys.map((p) => ({ id: p.id, transports: transportsOf(p) })),
        userVerification: userId ? 'preferred' : 'required',
      });
      await storeChallenge(options.challenge, 'authenticate', userId);
      return { ...options };
    },

    /**
     * Checks a passkey's answer; returns its owner's user id. Without a password first (`userId` null), the
     * authenticator must have verified the person (PIN, biometrics): the passkey is then both factors.
     */
    async verifyAuthentication(options: {
      response: Record<string, unknown>;
      userId: string | null;
    }): Promise<string> {
      const response = options.response as unknown as AuthenticationResponseJSON;
      const expectedChallenge = await takeChallenge(response, 'authenticate', options.userId);
      const passkey = typeof response.id === 'string' ? await repo.findPasskey(db, response.id) : undefined;
      if (!passkey || (options.userId !== null && passkey.user_id !== options.userId)) throw passkeyInvalid();
      const verified = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        credential: {
          id: passkey.id,
          publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
          counter: passkey.counter,
          transports: transportsOf(passkey),
        },
        requireUserVerification: options.userId === null,
      }).catch(() => ({ verified: false, authenticationInfo: null }));
      if (!verified.verified || !verified.authenticationInfo) throw passkeyInvalid();
      await repo.recordPasskeyUse(db, {
        id: passkey.id,
        counter: verified.authenticationInfo.newCounter,
        usedAt: isoNow(clock),
      });
      return passkey.user_id;
    },
  };
}

export type Passkeys = ReturnType<typeof createPasskeys>;
