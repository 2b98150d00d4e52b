import type { Mailer } from './adapters/mailer.ts';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { Clock } from './lib/time.ts';
import { createApiKeysService } from './modules/api-keys/api-keys.service.ts';
import { createAccountsService } from './modules/accounts/accounts.service.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createCandidateEntryServices } from './modules/candidate/candidate-entry.ts';
import { createConsentService } from './modules/consent/consent.service.ts';
import { createInvitationEventsService } from './modules/invitation-events/invitation-events.service.ts';
import { createInterviewsService } from './modules/interviews/interviews.service.ts';
import { createInvitationsService } from './modules/invitations/invitations.service.ts';
import { createMailService } from './modules/mail/mail.service.ts';
import { createOutboxService } from './modules/outbox/outbox.service.ts';
import { createQuestionBankService } from './modules/question-bank/question-bank.service.ts';
import { createTakeUploadsService } from './modules/takes/take-uploads.service.ts';
import { createTakesService } from './modules/takes/takes.service.ts';

export interface ServiceDeps {
  db: Db;
  config: Config;
  queue: JobQueue;
  mailer: Mailer;
  clock: Clock;
}

/** The one place where services are wired to their dependencies. */
export function createServices(deps: ServiceDeps) {
  const audit = createAuditService(deps);
  const invitationEvents = createInvitationEventsService(deps);
  const mail = createMailService(deps);
  const outbox = createOutboxService(deps);
  const accounts = createAccountsService({ ...deps, mail, audit });
  const apiKeys = createApiKeysService({ ...deps, audit });
  const interviews = createInterviewsService({ ...deps, audit });
  const questionBank = createQuestionBankService({ ...deps, interviews });
  const invitations = createInvitationsService({ ...deps, mail, invitationEvents, interviews, accounts });
  const { candidate, invitationRequests } = createCandidateEntryServices({
    ...deps,
    mail,
    invitationEvents,
    invitations,
  });
  const consent = createConsentService({ ...deps, candidate });
  const takes = createTakesService({ ...deps, invitations, invitationEvents });
  const takeUploads = createTakeUploadsService({ ...deps, invitationEvents });
  return {
    audit,
    invitationEvents,
    mail,
    outbox,
    accounts,
    apiKeys,
    interviews,
    questionBank,
    invitations,
    candidate,
    invitationRequests,
    consent,
    takes,
    takeUploads,
  };
}

export type Services = ReturnType<typeof createServices>;
