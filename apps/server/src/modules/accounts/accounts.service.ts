import type { ServiceDeps } from '../../services.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import { createAuthService } from './auth.service.ts';
import { createMembersService } from './members.service.ts';
import { createOrganisationsService } from './organisations.service.ts';
import { createPasswordResetsService } from './password-resets.service.ts';
import { createSessionsService } from './sessions.service.ts';
import { createTeamInvitationAcceptanceService } from './team-invitation-acceptance.service.ts';
import { createTeamInvitationsService } from './team-invitations.service.ts';

export type AccountsDeps = ServiceDeps & { mail: MailService; audit: AuditService };

/** Accounts and organisations: sessions, sign-up and sign-in, password resets, members and team invitations. */
export function createAccountsService(deps: AccountsDeps) {
  return {
    ...createSessionsService(deps),
    ...createAuthService(deps),
    ...createPasswordResetsService(deps),
    ...createOrganisationsService(deps),
    ...createMembersService(deps),
    ...createTeamInvitationsService(deps),
    ...createTeamInvitationAcceptanceService(deps),
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
