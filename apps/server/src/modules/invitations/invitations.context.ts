import type { Member, Organisation } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../lib/time.ts';
import type { InterviewsService } from '../interviews/interviews.service.ts';
import type { InvitationEventsService } from '../invitation-events/invitation-events.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import type { InvitationMail } from './invitation-mail.ts';

/** What the invitation functions need; wired once in services.ts. */
export interface InvitationsDeps {
  db: Db;
  config: Config;
  clock: Clock;
  queue: JobQueue;
  mail: Pick<MailService, 'queueEmail'>;
  invitationEvents: InvitationEventsService;
  interviews: Pick<InterviewsService, 'getInterview' | 'getOrCreateCurrentVersion' | 'getVersion'>;
  accounts: {
    getOrganisation(options: { organisationId: string }): Promise<Organisation>;
    listMembers(options: { organisationId: string }): Promise<Member[]>;
  };
  /** Who hears at once that a candidate completed (the others get a daily digest or nothing). */
  teamNotices: {
    listImmediateCompletionRecipients(options: {
      organisationId: string;
      interviewId: string;
      isAnonymised: boolean;
    }): Promise<string[]>;
  };
}

/** Who acts: a member of the organisation, or nobody (a job, or the candidate side). */
export interface InvitationActor {
  organisationId: string;
  userId: string | null;
}

export interface InterviewRef {
  organisationId: string;
  interviewId: string;
}

export interface InvitationRef {
  organisationId: string;
  invitationId: string;
}

/** The dependencies plus the e-mail composer every part of the module shares. */
export type InvitationsContext = InvitationsDeps & { mailer: InvitationMail };
