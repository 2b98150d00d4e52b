import { isoNow } from '../../lib/time.ts';
import type { ServiceDeps } from '../../services.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { InstanceInvitationsService } from '../instance/instance-invitations.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import type { SecondFactorService } from '../second-factor/second-factor.service.ts';
import { createAuthService } from './auth.service.ts';
import { createMembersService } from './members.service.ts';
import { createOrganisationsService } from './organisations.service.ts';
import { createAccountService } from './password-change.service.ts';
import { createPasswordResetsService } from './password-resets.service.ts';
import { deleteExpiredPendingSignIns } from './pending-sign-ins.ts';
import { deleteExpiredPendingSignups } from './pending-signups.repository.ts';
import { createSessionsService } from './sessions.service.ts';
import { createSignUpService } from './signup.service.ts';
import { createTeamInvitationAcceptanceService } from './team-invitation-acceptance.service.ts';
import { createTeamInvitationsService } from './team-invitations.service.ts';

export type AccountsDeps = ServiceDeps & {
  mail: MailService;
  audit: AuditService;
  secondFactor: SecondFactorService;
  instanceInvitations: InstanceInvitationsService;
};

/** Accounts and organisations: sessions, sign-up and sign-in, password resets, members and team invitations. */
export function createAccountsService(deps: AccountsDeps) {
  const sessions = createSessionsService(deps);
  return {
    ...sessions,
    ...createAuthService(deps),
    ...createSignUpService(deps),
    ...createPasswordResetsService(deps),
    ...createAccountService(deps),
    ...createOrganisationsService(deps),
    ...createMembersService(deps),
    ...createTeamInvitationsService(deps),
    ...createTeamInvitationAcceptanceService(deps),

    /** Deletes sessions that can no longer be used, and sign-ins and sign-ups left half-way; for sessions.purge. */
    async purgeExpiredSessions(): Promise<number> {
      const now = isoNow(deps.clock);
      await deleteExpiredPendingSignIns(deps.db, now);
      await deleteExpiredPendingSignups(deps.db, now);
      await deps.secondFactor.purgeExpiredChallenges();
      await deps.db.deleteFrom('sso_logins').where('expires_at', '<=', now).execute();
      return sessions.purgeExpiredSessions();
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
