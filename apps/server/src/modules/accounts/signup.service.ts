import type { SignUpInput, SignUpPolicy } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { isoIn, isoNow, type Clock } from '../../lib/time.ts';
import { createToken, hashToken, newId } from '../../lib/tokens.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { hasNoOrganisation } from '../instance/instance-admins.ts';
import type { InstanceInvitationsService } from '../instance/instance-invitations.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import { buildAccountExistsMail, buildConfirmSignUpMail } from './account-mails.ts';
import { insertMembership } from './members.repository.ts';
import { insertOrganisation } from './organisations.repository.ts';
import { assertPasswordStrength } from './password-strength.ts';
import { hashPassword } from './passwords.ts';
import * as pendingSignups from './pending-signups.repository.ts';
import { deleteSession } from './sessions.repository.ts';
import { startSession, type ClientInfo, type StartedSession } from './sessions.service.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { findUserByEmail, insertUser, type UserRow } from './users.repository.ts';

interface SignUpDeps {
  db: Db;
  config: Config;
  clock: Clock;
  audit: AuditService;
  mail: MailService;
  instanceInvitations: InstanceInvitationsService;
}

interface SignUpContext {
  client: ClientInfo;
  previousToken?: string | undefined;
}

/** A sign-up either starts the owner's session at once, or waits for its address to be confirmed. */
export type SignUpOutcome = { kind: 'session'; session: StartedSession } | { kind: 'confirm_email' };

const confirmLinkLifetimeMs = 24 * 3_600_000;
/** Confirmation e-mails one address receives an hour at most, whoever asks. */
const maxSignUpMailsPerHour = 3;

export const emailTaken = () =>
  new AppError('email_taken', {
    message: 'An account with this e-mail address already exists. Sign in instead.',
    details: { fields: [{ field: 'email', message: 'This e-mail address is already registered' }] },
  });

const signUpLinkInvalid = () =>
  new AppError('signup_link_invalid', {
    message: 'This confirmation link is not valid any more. Sign up again to get a new one.',
  });

/** Creating organisations: who may (SIGNUP, invitations, the first account), and confirming addresses. */
export function createSignUpService(deps: SignUpDeps) {
  const { db, config, clock, audit } = deps;

  /** Creates an organisation, its owner and the owner's session; the owner's password is already hashed. */
  async function createOrganisationWithOwner(
    options: { organisationName: string; name: string; email: string; passwordHash: string } & SignUpContext,
  ): Promise<StartedSession> {
    const now = isoNow(clock);
    const organisation = {
      id: newId(),
      name: options.organisationName,
      created_at: now,
      suspended_at: null,
      require_second_factor: 0,
      question_defaults: null,
    };
    const user: UserRow = {
      id: newId(),
      email: options.email,
      name: options.name,
      password_hash: options.passwordHash,
      created_at: now,
      password_changed_at: now,
    };
    let session: StartedSession;
    try {
      session = await db.transaction().execute(async (trx) => {
        await insertOrganisation(trx, organisation);
        await insertUser(trx, user);
        await insertMembership(trx, {
          organisation_id: organisation.id,
          user_id: user.id,
          role: 'owner',
          created_at: now,
        });
        if (options.previousToken) await deleteSession(trx, hashToken(options.previousToken));
        return startSession(
          { ...deps, db: trx },
          { user, organisation, role: 'owner', client: options.client },
        );
      });
    } catch (error) {
      // Two sign-ups with one e-mail at the same moment: both pass the check before, one insert loses.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    await audit.recordEvent({
      organisationId: organisation.id,
      actorUserId: user.id,
      action: 'auth.signup',
      ip: options.client.ip,
      userAgent: options.client.userAgent,
    });
    return session;
  }

  /**
   * Sign-up by e-mail confirmation (SIGNUP=open, or an address named in INSTANCE_ADMINS). The same work and the
   * same answer whether or not the address has an account: the password is hashed, a pending sign-up stored and
   * one e-mail written either way (a confirmation link, or a note to the existing account's owner).
   */
  async function signUpByConfirmation(input: SignUpInput): Promise<SignUpOutcome> {
    const passwordHash = await hashPassword(input.password);
    const existing = await findUserByEmail(db, input.email);
    const recent = await pendingSignups.countPendingSignupsSince(db, {
      email: input.email,
      since: isoIn(clock, -3_600_000),
    });
    if (recent >= maxSignUpMailsPerHour) return { kind: 'confirm_email' };
    const token = createToken();
    await pendingSignups.insertPendingSignup(db, {
      id: newId(),
      token_hash: hashToken(token),
      email: input.email,
      name: input.name,
      organisation_name: input.organisationName,
      password_hash: passwordHash,
      created_at: isoNow(clock),
      expires_at: isoIn(clock, confirmLinkLifetimeMs),
      used_at: null,
    });
    const mail = existing
      ? buildAccountExistsMail(config, existing)
      : buildConfirmSignUpMail(config, { name: input.name, organisationName: input.organisationName, token });
    await deps.mail.queueEmail({ organisationId: null, to: input.email, ...mail });
    return { kind: 'confirm_email' };
  }

  return {
    createOrganisationWithOwner,

    /** Who may create an organisation here, for the sign-up page. */
    async getSignUpPolicy(): Promise<SignUpPolicy> {
      // With INSTANCE_ADMINS set, the first account is one of theirs by e-mail confirmation, not anyone's at once.
      const firstAccount = config.instanceAdmins.length === 0 && (await hasNoOrganisation(db));
      return { mode: config.signup, firstAccount };
    },

    /**
     * Creates an organisation and its owner. With an instance invitation, or as the instance's very first account,
     * the owner is signed in at once; with SIGNUP=open (or an address of INSTANCE_ADMINS) the address is confirmed
     * by e-mail first; otherwise sign-up is closed. The refusal comes before anything about the address is looked up.
     */
    async signUp({ input, ...context }: { input: SignUpInput } & SignUpContext): Promise<SignUpOutcome> {
      const userInputs = [input.email, input.name, input.organisationName];
      if (input.invitationToken) {
        const invitation = await deps.instanceInvitations.requireUsableInvitation(input.invitationToken);
        if (invitation.email !== input.email) {
          throw new AppError('validation_failed', {
            message: `This invitation is for ${invitation.email}. Sign up with that address.`,
            details: { fields: [{ field: 'email', message: `Use ${invitation.email}` }] },
          });
        }
        await assertPasswordStrength(input.password, userInputs);
        // Not an oracle: the address is the invitation's, which its holder received.
        if (await findUserByEmail(db, input.email)) throw emailTaken();
        await deps.instanceInvitations.useInvitation(invitation.id);
        const session = await createOrganisationWithOwner({
          ...input,
          passwordHash: await hashPassword(input.password),
          ...context,
        });
        return { kind: 'session', session };
      }
      const namedAdmin = config.instanceAdmins.includes(input.email);
      if (config.instanceAdmins.length === 0 && (await hasNoOrganisation(db))) {
        await assertPasswordStrength(input.password, userInputs);
        const session = await createOrganisationWithOwner({
          ...input,
          passwordHash: await hashPassword(input.password),
          ...context,
        });
        return { kind: 'session', session };
      }
      if (config.signup !== 'open' && !namedAdmin) {
        throw new AppError('signup_closed', {
          message:
            config.signup === 'invite'
              ? 'Creating an organisation here needs an invitation from the administrator of this Oneway instance.'
              : 'This Oneway instance does not take new sign-ups. Ask its administrator for an invitation.',
        });
      }
      await assertPasswordStrength(input.password, userInputs);
      return signUpByConfirmation(input);
    },

    /** Creates the organisation of a confirmed sign-up and signs its owner in. */
    async confirmSignUp({ token, ...context }: { token: string } & SignUpContext): Promise<StartedSession> {
      const pending = await pendingSignups.findPendingSignupByTokenHash(db, hashToken(token));
      const live = pending && !pending.used_at && Date.parse(pending.expires_at) > clock.now().getTime();
      if (!live || (await findUserByEmail(db, pending.email))) throw signUpLinkInvalid();
      if (!(await pendingSignups.usePendingSignup(db, { id: pending.id, usedAt: isoNow(clock) }))) {
        throw signUpLinkInvalid();
      }
      return createOrganisationWithOwner({
        organisationName: pending.organisation_name,
        name: pending.name,
        email: pending.email,
        passwordHash: pending.password_hash,
        ...context,
      });
    },
  };
}
