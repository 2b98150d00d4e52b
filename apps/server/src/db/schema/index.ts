import type { ApiKeysTable } from './api-keys.ts';
import type { AuditEventsTable } from './audit-events.ts';
import type { CandidateSessionsTable } from './candidate-sessions.ts';
import type { ConsentsTable } from './consents.ts';
import type { EmailTemplatesTable } from './email-templates.ts';
import type { InvitationEmailsTable } from './invitation-emails.ts';
import type { InvitationEventsTable } from './invitation-events.ts';
import type { InvitationLinksTable } from './invitation-links.ts';
import type { InvitationRequestsTable } from './invitation-requests.ts';
import type { InvitationsTable } from './invitations.ts';
import type { InterviewVersionsTable } from './interview-versions.ts';
import type { InterviewsTable } from './interviews.ts';
import type { JobsTable } from './jobs.ts';
import type { MembershipsTable } from './memberships.ts';
import type { OrganisationsTable } from './organisations.ts';
import type { OutboxEmailsTable } from './outbox-emails.ts';
import type { PasswordResetsTable } from './password-resets.ts';
import type { QuestionBankTable } from './question-bank.ts';
import type { QuestionsTable } from './questions.ts';
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
  interviews: InterviewsTable;
  questions: QuestionsTable;
  interview_versions: InterviewVersionsTable;
  question_bank: QuestionBankTable;
  invitations: InvitationsTable;
  invitation_events: InvitationEventsTable;
  invitation_requests: InvitationRequestsTable;
  candidate_sessions: CandidateSessionsTable;
  email_templates: EmailTemplatesTable;
  invitation_links: InvitationLinksTable;
  invitation_emails: InvitationEmailsTable;
  api_keys: ApiKeysTable;
  consents: ConsentsTable;
}
