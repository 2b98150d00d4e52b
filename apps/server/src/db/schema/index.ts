import type { AuditEventsTable } from './audit-events.ts';
import type { JobsTable } from './jobs.ts';
import type { MembershipsTable } from './memberships.ts';
import type { OrganisationsTable } from './organisations.ts';
import type { OutboxEmailsTable } from './outbox-emails.ts';
import type { PasswordResetsTable } from './password-resets.ts';
import type { SessionsTable } from './sessions.ts';
import type { TeamInvitationsTable } from './team-invitations.ts';
import type { UsersTable } from './users.ts';

/** Every table, as Kysely sees it. Timestamps are ISO-8601 UTC strings in both dialects. */
export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  team_invitations: TeamInvitationsTable;
  password_resets: PasswordResetsTable;
  jobs: JobsTable;
  outbox_emails: OutboxEmailsTable;
  audit_events: AuditEventsTable;
}
