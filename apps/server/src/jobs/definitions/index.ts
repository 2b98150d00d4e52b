import type { Services } from '../../services.ts';
import type { JobQueue } from '../queue.ts';
import { createAccountPasswordResetJob } from './account-password-reset.job.ts';
import { createEmailSendJob } from './email-send.job.ts';
import { createEmailSweepJob } from './email-sweep.job.ts';
import { createInvitationAnnounceJob } from './invitation-announce.job.ts';
import { createInvitationExpireJob } from './invitation-expire.job.ts';
import { createInvitationRemindJob } from './invitation-remind.job.ts';
import { createInterviewRemindersRescheduleJob } from './interview-reminders-reschedule.job.ts';
import { createNotificationDigestJob } from './notification-digest.job.ts';
import { createPromptVideoProcessJob } from './prompt-video-process.job.ts';
import { createSessionsPurgeJob } from './sessions-purge.job.ts';
import { createTakeProcessJob } from './take-process.job.ts';
import { createTakeProcessingSweepJob } from './take-processing-sweep.job.ts';

/**
 * Registers every job handler on the queue. Every process registers them all, since enqueueing validates the payload
 * against the definition; only worker processes start the queue and so run handlers.
 */
export function registerJobDefinitions(queue: JobQueue, services: Services): void {
  queue.register(createEmailSendJob(services.mail, services.invitations));
  queue.register(createEmailSweepJob(services.mail));
  queue.register(createSessionsPurgeJob(services.accounts, services.candidate, services.guests));
  queue.register(createInvitationAnnounceJob(services.invitations));
  queue.register(createInvitationExpireJob(services.invitations));
  queue.register(createInvitationRemindJob(services.invitations));
  queue.register(createTakeProcessJob(services.media));
  queue.register(createPromptVideoProcessJob(services.promptVideos));
  queue.register(createTakeProcessingSweepJob(services.processing));
  queue.register(createInterviewRemindersRescheduleJob(services.invitations));
  queue.register(createNotificationDigestJob(services.notifications));
  queue.register(createAccountPasswordResetJob(services.accounts));
}
