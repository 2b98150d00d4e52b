import type { Metrics } from '../../lib/metrics.ts';
import type { Services } from '../../services.ts';
import type { JobDefinition, JobQueue } from '../queue.ts';
import { createAccountPasswordResetJob } from './account-password-reset.job.ts';
import { createCandidateEraseJob } from './candidate-erase.job.ts';
import { createDataRetentionJob } from './data-retention.job.ts';
import { createEmailSendJob } from './email-send.job.ts';
import { createEmailSweepJob } from './email-sweep.job.ts';
import { countFailures, countMail, timeProcessing } from './instrumented.ts';
import { createInvitationAnnounceJob } from './invitation-announce.job.ts';
import { createInvitationExpireJob } from './invitation-expire.job.ts';
import { createInvitationRemindJob } from './invitation-remind.job.ts';
import { createInterviewRemindersRescheduleJob } from './interview-reminders-reschedule.job.ts';
import { createNotificationDigestJob } from './notification-digest.job.ts';
import { createPracticeTakesPurgeJob } from './practice-takes-purge.job.ts';
import { createPromptVideoProcessJob } from './prompt-video-process.job.ts';
import { createSessionsPurgeJob } from './sessions-purge.job.ts';
import { createStorageCleanupJob } from './storage-cleanup.job.ts';
import { createTakeProcessJob } from './take-process.job.ts';
import { createTakeProcessingSweepJob } from './take-processing-sweep.job.ts';

/**
 * Registers every job handler on the queue. Every process registers them all, since enqueueing validates the payload
 * against the definition; only worker processes start the queue and so run handlers.
 */
export function registerJobDefinitions(
  queue: JobQueue,
  services: Services,
  observe: { metrics: Metrics; mailTransport: 'smtp' | 'outbox' },
): void {
  const { metrics } = observe;
  const register = (definition: JobDefinition) => queue.register(countFailures(definition, metrics));
  register(
    createEmailSendJob(countMail(services.mail, metrics, observe.mailTransport), services.invitations),
  );
  register(createEmailSweepJob(services.mail));
  register(createSessionsPurgeJob(services.accounts, services.candidate, services.guests));
  register(createInvitationAnnounceJob(services.invitations));
  register(createInvitationExpireJob(services.invitations));
  register(createInvitationRemindJob(services.invitations));
  register(createTakeProcessJob(timeProcessing(services.media, metrics)));
  register(createPromptVideoProcessJob(services.promptVideos));
  register(createTakeProcessingSweepJob(services.processing));
  register(createInterviewRemindersRescheduleJob(services.invitations));
  register(createNotificationDigestJob(services.notifications));
  register(createDataRetentionJob(services.retention));
  register(createCandidateEraseJob(services.erasure));
  register(createStorageCleanupJob(services.storageCleanup));
  register(createPracticeTakesPurgeJob(() => services.purgePracticeTakes()));
  register(createAccountPasswordResetJob(services.accounts));
}
