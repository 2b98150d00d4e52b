import type { Role, SsoSettings, UpdateSsoSettingsInput } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { isoIn, isoNow, type Clock } from '../../lib/time.ts';
import { createToken, hashToken, newId } from '../../lib/tokens.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { SignInContext } from '../accounts/auth.service.ts';
import { findMember, insertMembership } from '../accounts/members.repository.ts';
import { findOrganisationById } from '../accounts/organisations.repository.ts';
import { noPasswordHash } from '../accounts/passwords.ts';
import type { StartedSession } from '../accounts/sessions.service.ts';
import { findUserByEmail, findUserById, insertUser, type UserRow } from '../accounts/users.repository.ts';
import { organisationSuspended } from '../instance/organisation-suspension.ts';
import { finishOidcLogin, isAllowedIssuer, startOidcLogin, type OidcIdentity } from './oidc-client.ts';
import * as repo from './sso.repository.ts';

const loginLifetimeMs = 10 * 60_000;

const ssoFailed = (message: string) => new AppError('sso_failed', { message });

/** Single sign-on with OpenID Connect, configured per organisation; members arrive just in time. */
export function createSsoService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  audit: AuditService;
  accounts: Pick<AccountsService, 'openSession'>;
}) {
  const { db, config, clock } = deps;
  const redirectUri = `${config.publicUrl}/api/v1/auth/sso/callback`;

  const toSettings = (row: repo.SsoSettingsRow): SsoSettings => ({
    enabled: row.enabled === 1,
    issuer: row.issuer,
    clientId: row.client_id,
    hasClientSecret: row.client_secret !== '',
    allowedDomains: row.allowed_domains.split(',').filter(Boolean),
    defaultRole: row.default_role as SsoSettings['defaultRole'],
    redirectUri,
  });

  /**
   * The account the provider's person is here: known by subject, else by address when that account is already a
   * member of this organisation, else made now. An organisation's provider speaks only for that organisation: an
   * account elsewhere (or an instance administrator's address) is never linked to it, so whoever configures a
   * provider cannot sign in as someone who is not theirs.
   */
  async function findOrCreateUser(organisationId: string, identity: OidcIdentity & { email: string }) {
    const linked = await repo.findSsoIdentity(db, { organisationId, subject: identity.subject });
    if (linked) return findUserById(db, linked.user_id);
    const now = isoNow(clock);
    let user = await findUserByEmail(db, identity.email);
    const isMemberHere = user && (await findMember(db, { organisationId, userId: user.id }));
    if (config.instanceAdmins.includes(identity.email) || (user && !isMemberHere)) {
      throw ssoFailed(
        'An account with this address already exists outside this organisation. Sign in with its password instead, ' +
          'or ask an owner of this organisation to invite that account.',
      );
    }
    if (!user) {
      user = {
        id: newId(),
        email: identity.email,
        name: identity.name?.trim().slice(0, 120) || identity.email,
        password_hash: noPasswordHash,
        created_at: now,
        password_changed_at: now,
      } satisfies UserRow;
      await insertUser(db, user);
    }
    await repo.insertSsoIdentity(db, {
      organisation_id: organisationId,
      subject: identity.subject,
      user_id: user.id,
      created_at: now,
    });
    return user;
  }

  return {
    /** Whether the sign-in page should offer single sign-on at all. */
    async isSsoAvailable(): Promise<{ available: boolean }> {
      return { available: await repo.hasEnabledSso(db) };
    },

    /** The organisation's provider (without its secret) and the address to register with the provider. */
    async getSsoSettings({ organisationId }: { organisationId: string }) {
      const row = await repo.findSsoSettings(db, organisationId);
      return { settings: row ? toSettings(row) : null, redirectUri };
    },

    /** Sets the organisation's provider; a secret left out keeps the stored one. */
    async updateSsoSettings(options: {
      organisationId: string;
      actorUserId: string;
      input: UpdateSsoSettingsInput;
    }) {
      const { input } = options;
      if (!isAllowedIssuer(input.issuer)) {
        throw new AppError('validation_failed', {
          message: 'Use an https:// issuer (plain http only for a provider on this machine).',
          details: { fields: [{ field: 'issuer', message: 'Use an https:// address' }] },
        });
      }
      const existing = await repo.findSsoSettings(db, options.organisationId);
      const secret = input.clientSecret ?? existing?.client_secret;
      if (!secret) {
        throw new AppError('validation_failed', {
          message: 'Check these fields: clientSecret',
          details: { fields: [{ field: 'clientSecret', message: 'Enter the client secret' }] },
        });
      }
      const now = isoNow(clock);
      const row: repo.SsoSettingsRow = {
        organisation_id: options.organisationId,
        enabled: input.enabled ? 1 : 0,
        issuer: input.issuer.replace(/\/+$/, ''),
        client_id: input.clientId,
        client_secret: secret,
        allowed_domains: [...new Set(input.allowedDomains)].join(','),
        default_role: input.defaultRole,
        created_at: existing?.created_at ?? now,
        updated_at: now,
      };
      await repo.upsertSsoSettings(db, row);
      await deps.audit.recordEvent({
        organisationId: options.organisationId,
        actorUserId: options.actorUserId,
        action: 'organisation.sso_updated',
        details: { enabled: input.enabled, issuer: row.issuer },
      });
      return { settings: toSettings(row), redirectUri };
    },

    /**
     * Starts single sign-on for an address whose domain an organisation accepts: the provider's address, and a
     * value for a cookie that binds the login to this browser.
     */
    async startSsoLogin({
      email,
    }: {
      email: string;
    }): Promise<{ redirectUrl: string; browserToken: string }> {
      const domain = email.split('@')[1] ?? '';
      const settings = await repo.findSsoForDomain(db, domain);
      if (!settings) {
        throw new AppError('sso_unavailable', {
          message: 'Single sign-on is not set up for this address. Sign in with your password instead.',
        });
      }
      const provider = {
        issuer: settings.issuer,
        clientId: settings.client_id,
        clientSecret: settings.client_secret,
      };
      const { url, checks } = await startOidcLogin(provider, redirectUri).catch(() => {
        throw ssoFailed('Your organisation’s sign-in provider could not be reached. Try again later.');
      });
      const browserToken = createToken();
      await repo.insertSsoLogin(db, {
        id: hashToken(checks.state),
        organisation_id: settings.organisation_id,
        browser_hash: hashToken(browserToken),
        code_verifier: checks.codeVerifier,
        nonce: checks.nonce,
        created_at: isoNow(clock),
        expires_at: isoIn(clock, loginLifetimeMs),
      });
      return { redirectUrl: url, browserToken };
    },

    /**
     * The provider's callback: the login must be this browser's and live; the code is exchanged (PKCE, nonce);
     * the address must be verified and in an allowed domain. The person becomes a member with the default role
     * when they are not one yet, and is signed in to that organisation.
     */
    async finishSsoLogin(
      options: { callbackUrl: URL; browserToken: string | undefined } & SignInContext,
    ): Promise<StartedSession> {
      const state = options.callbackUrl.searchParams.get('state') ?? '';
      const login = state ? await repo.takeSsoLogin(db, hashToken(state)) : undefined;
      const ours = login && options.browserToken && login.browser_hash === hashToken(options.browserToken);
      if (!login || !ours || Date.parse(login.expires_at) <= clock.now().getTime()) {
        throw ssoFailed('This sign-in did not start in this browser or took too long. Start again.');
      }
      const [organisation, settings] = await Promise.all([
        findOrganisationById(db, login.organisation_id),
        repo.findSsoSettings(db, login.organisation_id),
      ]);
      if (!organisation || !settings?.enabled) throw ssoFailed('Single sign-on is no longer set up here.');
      if (organisation.suspended_at) throw organisationSuspended('member');
      const provider = {
        issuer: settings.issuer,
        clientId: settings.client_id,
        clientSecret: settings.client_secret,
      };
      const identity = await finishOidcLogin(provider, options.callbackUrl, {
        codeVerifier: login.code_verifier,
        state,
        nonce: login.nonce,
      }).catch(() => {
        throw ssoFailed('Your sign-in provider did not confirm who you are. Start again.');
      });
      const domain = identity.email?.split('@')[1] ?? '';
      if (
        !identity.email ||
        !identity.emailVerified ||
        !settings.allowed_domains.split(',').includes(domain)
      ) {
        throw ssoFailed(
          'Your provider did not give a verified address of a domain this organisation accepts.',
        );
      }
      const user = await findOrCreateUser(organisation.id, { ...identity, email: identity.email });
      if (!user) throw ssoFailed('This account no longer exists.');
      let role: Role | undefined = (
        await findMember(db, { organisationId: organisation.id, userId: user.id })
      )?.role;
      if (!role) {
        role = settings.default_role as Role;
        await insertMembership(db, {
          organisation_id: organisation.id,
          user_id: user.id,
          role,
          created_at: isoNow(clock),
        });
      }
      return deps.accounts.openSession(user, organisation, role, options, 'sso');
    },
  };
}

export type SsoService = ReturnType<typeof createSsoService>;
